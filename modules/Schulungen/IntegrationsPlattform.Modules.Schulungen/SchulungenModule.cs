using IntegrationsPlattform.Contracts.Demo;
using IntegrationsPlattform.Contracts.Jobs;
using IntegrationsPlattform.Contracts.Modules;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Contracts.Web;
using IntegrationsPlattform.Modules.Schulungen.Features.Anmeldungen;
using IntegrationsPlattform.Modules.Schulungen.Features.Anwesenheit;
using IntegrationsPlattform.Modules.Schulungen.Features.Aufbewahrung;
using IntegrationsPlattform.Modules.Schulungen.Features.Bescheinigungen;
using IntegrationsPlattform.Modules.Schulungen.Features.Demo;
using IntegrationsPlattform.Modules.Schulungen.Features.Exporte;
using IntegrationsPlattform.Modules.Schulungen.Features.Feedback;
using IntegrationsPlattform.Modules.Schulungen.Features.Kurse;
using IntegrationsPlattform.Modules.Schulungen.Features.Reichweite;
using IntegrationsPlattform.Modules.Schulungen.Features.Schulen;
using IntegrationsPlattform.Modules.Schulungen.Features.Termine;
using IntegrationsPlattform.Modules.Schulungen.Features.Trainer;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationsPlattform.Modules.Schulungen;

/// <summary>
/// Anti-discrimination trainings for school social work: catalogue, sessions, registrations with waiting list,
/// attendance, certificates, anonymous feedback and the reach in schools and municipalities.
/// </summary>
public sealed class SchulungenModule : PlatformModule
{
    /// <summary>Staff of the WIR-Vielfaltszentrum: courses, sessions, schools, participants, registrations, certificates, evaluation.</summary>
    public const string Verwalten = "schulungen.verwalten";

    /// <summary>See sessions and record attendance; a trainer holds it for her own sessions only (own records).</summary>
    public const string Anwesenheit = "schulungen.anwesenheit";

    public override ModuleManifest Manifest { get; } = new()
    {
        Id = "Schulungen",
        DisplayName = "Schulungen",
        Version = new Version(1, 0, 0),
        SdkMajor = PlatformSdk.Major,
        Description = "Antidiskriminierungs-Schulungen für die Schulsozialarbeit: Katalog, Termine, Anmeldungen, Anwesenheit, Bescheinigungen und Feedback.",
    };

    public override void ConfigureServices(IServiceCollection services, ModuleContext context)
    {
        base.ConfigureServices(services, context);
        services.AddSingleton(SchulungenSettings.From(context.Settings));
        services.AddSingleton<AnmeldungMail>();
    }

    public override IReadOnlyList<PermissionDefinition> Permissions =>
    [
        new(Verwalten, "Schulungen: Kurse, Termine, Schulen und Anmeldungen verwalten"),
        new(Anwesenheit, "Schulungen: Termine einsehen und Anwesenheit erfassen", Scopable: true),
    ];

    /// <summary>Trainers are invited accounts that see and record only the sessions they lead.</summary>
    public override IReadOnlyList<InvitableRole> InvitableRoles => [TrainerEinladung.Rolle];

    public override IReadOnlyList<NavigationEntry> Navigation =>
    [
        new("Schulungen", "/schulungen", Verwalten, Order: 20),
        new("Schulungstermine", "/schulungen/termine", Anwesenheit, Order: 21),
        new("Anwesenheit", "/schulungen/anwesenheit", Anwesenheit, Order: 22),
    ];

    /// <summary>A trainer who sees and records only the sessions she leads (README).</summary>
    public override IReadOnlyList<DemoAccount> DemoAccounts => DemoKonten.Alle;

    public override IReadOnlyList<ScheduledJobDefinition> Jobs =>
    [
        new(AufbewahrungJob.Key, "Schulungen: Daten der Teilnehmenden zwei Jahre nach ihrem letzten Termin löschen", TimeSpan.FromDays(1), typeof(AufbewahrungJob)),
        new(FeedbackJob.Key, "Schulungen: nach dem letzten Termintag jede teilnehmende Person einmal um Feedback bitten", TimeSpan.FromHours(1), typeof(FeedbackJob)),
    ];

    public override void MapApi(ModuleApiBuilder api)
    {
        KurseEndpoints.Map(api.Group);
        AnmeldungenEndpoints.Map(api.Group);
        TermineEndpoints.Map(api.Group);
        TrainerEndpoints.Map(api.Group);
        SchulenEndpoints.Map(api.Group);
        AnwesenheitEndpoints.Map(api.Group);
        BescheinigungenEndpoints.Map(api.Group);
        FeedbackEndpoints.Map(api.Group);
        ReichweiteEndpoints.Map(api.Group);
    }

    public override void MapPageEndpoints(ModulePageEndpointBuilder pages)
    {
        AnmeldungenEndpoints.MapDownloads(pages.Group);
        BescheinigungenEndpoints.MapDownloads(pages.Group);
        ReichweiteEndpoints.MapDownloads(pages.Group);
        ExporteEndpoints.MapDownloads(pages.Group);
    }
}
