using IntegrationsPlattform.Contracts.Messaging;

namespace IntegrationsPlattform.Contracts.Kernel;

/// <summary>One municipality (Kreiskommune), identified by its official key (AGS, 8 digits).</summary>
public sealed record Municipality(string Ags, string Name);

/// <summary>
/// The Kreis this installation serves: static configuration, registered by the host as a singleton, so modules get it
/// injected by its type (handlers, validators, services, pages with <c>@inject DeploymentInfo Deployment</c>).
/// </summary>
public sealed record DeploymentInfo(string KreisName, string KreisAgs, string Seat, IReadOnlyList<Municipality> Municipalities)
{
    /// <summary>The zone the Kreis lives in (<c>Platform:TimeZone</c>); times are stored in UTC and shown in it.</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    /// <summary>
    /// The languages the public pages offer (<c>Platform:PublicLanguages</c>), German first: the languages a module
    /// keeps the public texts of its records in (a health offer's title in Arabic), and no others.
    /// </summary>
    public IReadOnlyList<Language> PublicLanguages { get; init; } = [Languages.German];

    /// <summary>Whether the public pages offer the language (a normalised ISO 639 code).</summary>
    public bool OffersPublicly(string code) => PublicLanguages.Any(l => l.Code == code);

    public Municipality? FindMunicipality(string ags) => Municipalities.FirstOrDefault(m => m.Ags == ags);

    /// <summary>The name of a municipality; an AGS that is not (or no longer) one of the Kreis' is shown as it is.</summary>
    public string MunicipalityName(string ags) => FindMunicipality(ags)?.Name ?? ags;
}

/// <summary>
/// The deployment over MediatR, kept for plugins built against SDK 1.0 (the compatibility line); modules inject
/// <see cref="DeploymentInfo"/> instead.
/// </summary>
public sealed record GetDeployment : IQuery<DeploymentInfo>;
