using IntegrationsPlattform.Contracts.Jobs;
using IntegrationsPlattform.Contracts.Modules;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Contracts.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using MediatR;

namespace IntegrationsPlattform.TestPlugins.Beispiel;

public sealed class BeispielModule : PlatformModule
{
    public const string Lesen = "beispiel.lesen";
    public const string Schreiben = "beispiel.schreiben";

    public override ModuleManifest Manifest { get; } = new()
    {
        Id = "Beispiel",
        DisplayName = "Beispielprogramm",
        Version = new Version(1, 2, 0),
        SdkMajor = PlatformSdk.Major,
        Description = "Testmodul der Plattform-Tests.",
    };

    public override IReadOnlyList<PermissionDefinition> Permissions =>
    [
        new(Lesen, "Beispiel-Einträge lesen", Scopable: true) { Groups = Arbeitskreise.Art },
        new(Schreiben, "Beispiel-Einträge anlegen", Scopable: true) { Groups = Arbeitskreise.Art },
        new(Einladungen.Verwalten, "Arbeitskreise betreuen (Mitglieder einladen)", Scopable: true) { Groups = Arbeitskreise.Art },
    ];

    public override IReadOnlyList<InvitableRole> InvitableRoles => [Einladungen.Mitglied];

    public override IReadOnlyList<NavigationEntry> Navigation => [new("Beispiel", "/beispiel", Lesen)];

    public override IReadOnlyList<ScheduledJobDefinition> Jobs => [new("aufraeumen", "Beispiel aufräumen", TimeSpan.FromDays(1), typeof(AufraeumenJob))];

    public override void MapApi(ModuleApiBuilder api)
    {
        api.Group.MapGet("/eintraege", async (string? kommune, IMediator mediator, CancellationToken ct) => await mediator.Send(new ListEintraege(kommune), ct))
            .RequirePermission(Lesen);
        api.Group.MapGet("/eintraege/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) => await mediator.Send(new GetEintrag(id), ct))
            .RequirePermission(Lesen);
        api.Group.MapPost("/eintraege", async (NeuerEintrag body, IMediator mediator, CancellationToken ct) =>
            {
                var id = await mediator.Send(new CreateEintrag(body.Titel, body.KommuneAgs, body.PersonName, body.PersonEmail, body.Arbeitskreis), ct);
                return Results.Created($"/api/beispiel/eintraege/{id}", new { id });
            })
            .RequirePermission(Schreiben);
        EintragDateien.MapApi(api.Group);
        EintragDruck.MapApi(api.Group);
        api.MapEinladungen();
        api.Group.MapGet("/oeffentlich", () => new OeffentlicherHinweis("öffentlich")).AsPublic();
        api.Group.MapGet("/vergessen", () => "ohne Berechtigung erklärt");
    }

    public override void MapPageEndpoints(ModulePageEndpointBuilder pages)
    {
        EintragDateien.MapDownloads(pages.Group);
        EintragDruck.MapDownloads(pages.Group);
    }
}

internal sealed record OeffentlicherHinweis(string Hinweis);

internal sealed record NeuerEintrag(string? Titel, string? KommuneAgs, string? PersonName, string? PersonEmail, string? Arbeitskreis = null);
