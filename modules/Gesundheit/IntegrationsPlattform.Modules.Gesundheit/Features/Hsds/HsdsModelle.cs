using System.Text.Json;
using System.Text.Json.Serialization;

namespace IntegrationsPlattform.Modules.Gesundheit.Features.Hsds;

// Open Referral HSDS 3.0 objects as this directory fills them (schemas: ../shared/standards/hsds-3.0/). Property
// names become HSDS's snake_case through HsdsJson.Options; a null is left out, since HSDS types no field as nullable.

/// <summary>A service: one published offer (<c>compiled/service.json</c>; the list entry leaves the nested arrays out).</summary>
internal sealed record HsdsService(
    string Id,
    string OrganizationId,
    string Name,
    string? Description,
    string Url,
    string Status,
    string? InterpretationServices,
    string? ApplicationProcess,
    string? FeesDescription,
    string? EligibilityDescription,
    decimal MinimumAge,
    decimal MaximumAge,
    DateTimeOffset LastModified,
    HsdsOrganization? Organization,
    IReadOnlyList<HsdsLanguage>? Languages,
    IReadOnlyList<HsdsSchedule>? Schedules,
    IReadOnlyList<HsdsServiceAtLocation>? ServiceAtLocations);

/// <summary>A provider organisation (<c>organization.json</c>); the full form carries its phones, locations and services (the list forms allow none of them).</summary>
internal sealed record HsdsOrganization(
    string Id,
    string Name,
    string Description,
    string? Email,
    string? Website,
    IReadOnlyList<HsdsPhone>? Phones,
    IReadOnlyList<HsdsLocation>? Locations = null,
    IReadOnlyList<HsdsService>? Services = null);

/// <summary>A provider's telephone number (<c>phone.json</c>); the module keeps one per provider.</summary>
internal sealed record HsdsPhone(string Id, string OrganizationId, string Number);

/// <summary>An offer at one of its places, with the opening times that hold there.</summary>
internal sealed record HsdsServiceAtLocation(string Id, string ServiceId, string LocationId, HsdsLocation Location, IReadOnlyList<HsdsSchedule> Schedules);

/// <summary>A place (<c>location.json</c>): always physical, with its address and, where known, step-free access.</summary>
internal sealed record HsdsLocation(
    string Id,
    string LocationType,
    string OrganizationId,
    string Name,
    double? Latitude,
    double? Longitude,
    IReadOnlyList<HsdsAddress> Addresses,
    IReadOnlyList<HsdsAccessibility> Accessibility);

internal sealed record HsdsAddress(
    string Id,
    string LocationId,
    [property: JsonPropertyName("address_1")] string Address1,
    string City,
    string Region,
    string StateProvince,
    string PostalCode,
    string Country,
    string AddressType);

internal sealed record HsdsAccessibility(string Id, string LocationId, string Description);

/// <summary>A language spoken on site, by its ISO 639 code.</summary>
internal sealed record HsdsLanguage(string Id, string ServiceId, string Name, string Code);

/// <summary>
/// Opening times with RFC 5545 parts: a weekly or monthly rule (<c>freq</c>, <c>byday</c>) within the offer's validity, or
/// a single day (<c>dtstart</c> = <c>valid_from</c> = <c>valid_to</c>).
/// </summary>
internal sealed record HsdsSchedule(
    string Id,
    string? ServiceId,
    string? ServiceAtLocationId,
    string? ValidFrom,
    string? ValidTo,
    string? Dtstart,
    string? Freq,
    string? Byday,
    string OpensAt,
    string ClosesAt,
    string? Description);

/// <summary>A page of the HSDS API (<c>openapi.json</c>, <c>components/schemas/Page</c>).</summary>
internal sealed record HsdsPage<T>(int TotalItems, int TotalPages, int PageNumber, int Size, bool FirstPage, bool LastPage, bool Empty, IReadOnlyList<T> Contents);

/// <summary>What <c>GET /api/gesundheit/hsds</c> says about this API (HSDS's <c>getAPIMetaInformation</c>).</summary>
internal sealed record HsdsApiInfo(string Version, string Profile, string OpenapiUrl);

/// <summary>HSDS's JSON: snake_case names, absent values left out.</summary>
internal static class HsdsJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
