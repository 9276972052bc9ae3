using IntegrationsPlattform.Contracts.Messaging;
using MediatR;

namespace IntegrationsPlattform.Contracts.Lotsen;

/// <summary>
/// Is an active Lotse available who speaks <paramref name="SpracheCode"/> (ISO 639) in the
/// municipality <paramref name="KommuneAgs"/> (and knows the topic)? Answers with figures only,
/// never with personal data, so any module may ask (e.g. health access before it offers accompaniment).
/// </summary>
public sealed record GetLotsenVerfuegbarkeit(string SpracheCode, string KommuneAgs, string? Thema = null) : IQuery<LotsenVerfuegbarkeit>;

/// <param name="AktiveLotsen">Active Lotsen who speak the language, serve the municipality (and know the topic).</param>
/// <param name="FruehesterTag">The earliest day from today on which one of them has stated availability; null when none has.</param>
public sealed record LotsenVerfuegbarkeit(int AktiveLotsen, DateOnly? FruehesterTag);

/// <summary>
/// Another module hands a need for accompaniment to the Lotsen (e.g. a family from health access).
/// <paramref name="Kennung"/> is a pseudonym or initials, never a full name; <paramref name="Kontakt"/>
/// only when the Lotse must get in touch. Returns the id of the new request (Anfrage).
/// </summary>
public sealed record CreateLotsenAnfrage(
    string QuelleModul,
    string Kennung,
    IReadOnlyList<string> SprachenCodes,
    string Thema,
    string? Ziel,
    string KommuneAgs,
    DateOnly FruehestensAm,
    DateOnly SpaetestensAm,
    string? Kontakt = null) : ICommand<Guid>;

/// <summary>A Lotse was assigned to the request. Published after commit, to every module; <paramref name="QuelleModul"/> tells whose request it was (null: entered in the Lotsen module).</summary>
public sealed record LotsenAnfrageVermittelt(Guid AnfrageId, string? QuelleModul, DateTimeOffset Termin) : INotification;

/// <summary>The request was closed: <paramref name="Erledigt"/> true when done, false when cancelled.</summary>
public sealed record LotsenAnfrageAbgeschlossen(Guid AnfrageId, string? QuelleModul, bool Erledigt) : INotification;

/// <summary>The indicator keys the Lotsen module reports to the monitor.</summary>
public static class LotsenIndikatoren
{
    /// <summary>Active Lotsen per municipality they serve; the Kreis value counts each person once.</summary>
    public const string AktiveLotsen = "lotsen.aktiv";

    /// <summary>Distinct languages spoken by active Lotsen (Kreis).</summary>
    public const string Sprachen = "lotsen.sprachen";

    /// <summary>Requests received in the period, per municipality.</summary>
    public const string Anfragen = "lotsen.anfragen";

    /// <summary>Assignments carried out in the period, per municipality.</summary>
    public const string Einsaetze = "lotsen.einsaetze";

    /// <summary>Hours of carried-out assignments in the period (Kreis).</summary>
    public const string Stunden = "lotsen.stunden";
}
