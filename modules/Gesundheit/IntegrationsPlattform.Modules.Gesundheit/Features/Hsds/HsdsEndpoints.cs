using System.Globalization;
using IntegrationsPlattform.Contracts.Web;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace IntegrationsPlattform.Modules.Gesundheit.Features.Hsds;

/// <summary>
/// The public, read-only Open Referral HSDS 3.0 API under <c>/api/gesundheit/hsds</c>, modelled on HSDS's
/// <c>openapi.json</c>: no sign-in, only published offers, no personal data. Texts in the visitor's language
/// (<c>?lang=</c>, one of the deployment's public languages, kept by the host) where translated, else German.
/// </summary>
internal static class HsdsEndpoints
{
    private const string Schemas = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/";

    public static void Map(RouteGroupBuilder api)
    {
        var hsds = api.MapGroup("/hsds").WithTags("Gesundheit: Open Referral HSDS 3.0");

        hsds.MapGet("", (IPublicLinks links) => Json(new HsdsApiInfo("3.0", "https://docs.openreferral.org/en/latest/hsds/", links.Absolute("/openapi/v1.json").ToString())))
            .AsPublic().WithSummary("Über diese API: HSDS-Version und OpenAPI-Dokument");

        hsds.MapGet("/services", async (string? page, [FromQuery(Name = "per_page")] string? perPage, string? search,
                    [FromQuery(Name = "organization_id")] string? organizationId, IMediator mediator, CancellationToken ct)
                => Json(await mediator.Send(new ListHsdsAngebote(page, perPage, search, organizationId, Sprache()), ct)))
            .AsPublic().WithSummary("Veröffentlichte Angebote als HSDS-Services, seitenweise (page, per_page)")
            .WithDescription($"Seite nach HSDS (total_items, total_pages, page_number, size, first_page, last_page, empty, contents); jeder Eintrag nach {Schemas}compiled/service_list.json.");

        hsds.MapGet("/services/{id}", async (string id, IMediator mediator, CancellationToken ct)
                => Json(await mediator.Send(new GetHsdsAngebot(Kennung(id), Sprache()), ct)))
            .AsPublic().WithSummary("Ein veröffentlichtes Angebot, vollständig verschachtelt")
            .WithDescription($"Nach {Schemas}compiled/service.json.");

        hsds.MapGet("/organizations", async (string? page, [FromQuery(Name = "per_page")] string? perPage, string? search, IMediator mediator, CancellationToken ct)
                => Json(await mediator.Send(new ListHsdsAnbieter(page, perPage, search), ct)))
            .AsPublic().WithSummary("Anbieter mit veröffentlichten Angeboten als HSDS-Organizations, seitenweise")
            .WithDescription($"Seite nach HSDS; jeder Eintrag nach {Schemas}compiled/organization_list.json.");

        hsds.MapGet("/organizations/{id}", async (string id, IMediator mediator, CancellationToken ct)
                => Json(await mediator.Send(new GetHsdsAnbieter(Kennung(id), Sprache()), ct)))
            .AsPublic().WithSummary("Ein Anbieter mit seinen veröffentlichten Angeboten und Orten")
            .WithDescription($"Nach {Schemas}compiled/organization.json.");

        hsds.MapGet("/locations", async (string? page, [FromQuery(Name = "per_page")] string? perPage, IMediator mediator, CancellationToken ct)
                => Json(await mediator.Send(new ListHsdsOrte(page, perPage), ct)))
            .AsPublic().WithSummary("Orte veröffentlichter Angebote als HSDS-Locations, seitenweise")
            .WithDescription($"Seite nach HSDS; jeder Eintrag nach {Schemas}location.json.");

        hsds.MapGet("/locations/{id}", async (string id, IMediator mediator, CancellationToken ct)
                => Json(await mediator.Send(new GetHsdsOrt(Kennung(id)), ct)))
            .AsPublic().WithSummary("Ein Ort eines veröffentlichten Angebots mit Adresse und Zugang")
            .WithDescription($"Nach {Schemas}location.json.");

        hsds.MapGet("/export", async (IMediator mediator, CancellationToken ct)
                => Json(await mediator.Send(new ExportHsdsVerzeichnis(Sprache()), ct)))
            .AsPublic().WithSummary("Das ganze öffentliche Verzeichnis: alle veröffentlichten Angebote, vollständig verschachtelt")
            .WithDescription($"Ein JSON-Array; jeder Eintrag nach {Schemas}compiled/service.json.");
    }

    private static IResult Json<T>(T value) => Results.Json(value, HsdsJson.Options);

    /// <summary>
    /// An id as stored (a UUID in its lower-case form). Any text is taken by the route, so that an id that is no UUID is a
    /// 404 of this public API like an unknown one, and not the sign-in answer of an address that does not exist.
    /// </summary>
    private static string Kennung(string id) => Guid.TryParse(id, out var uuid) ? uuid.ToString() : id;

    /// <summary>The visitor's language, which the host has set from <c>?lang=</c> for this public endpoint.</summary>
    private static string Sprache() => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
}
