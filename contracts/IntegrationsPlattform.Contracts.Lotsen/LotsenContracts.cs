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
/// <para>
/// Sent through the sender's outbox (<c>tx.SendAfterCommit(...)</c>, so it is not lost when the Lotsen module is
/// busy or the host restarts), it carries a <paramref name="KorrelationsId"/> the sender chose: the answer
/// <see cref="LotsenAnfrageAngelegt"/> names the new request's id with it, and <see cref="LotsenAnfrageVermittelt"/>
/// and <see cref="LotsenAnfrageAbgeschlossen"/> carry it too. Sent directly (<c>mediator.Send</c>) it may leave it empty.
/// </para>
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
    string? Kontakt = null,
    Guid KorrelationsId = default) : ICorrelatedCommand<Guid>
{
    Guid ICorrelatedCommand<Guid>.CorrelationId => KorrelationsId;
}

/// <summary>The answer to a <see cref="CreateLotsenAnfrage"/> sent through the outbox: the request was created with this id.</summary>
public sealed record LotsenAnfrageAngelegt(Guid AnfrageId, string QuelleModul, Guid KorrelationsId) : INotification;

/// <summary>
/// A Lotse was assigned to the request. Delivered after commit through the Lotsen outbox, to every module that handles it;
/// <paramref name="QuelleModul"/> tells whose request it was (null: entered in the Lotsen module) and
/// <paramref name="KorrelationsId"/> the id its <see cref="CreateLotsenAnfrage"/> carried (null: none).
/// </summary>
public sealed record LotsenAnfrageVermittelt(Guid AnfrageId, string? QuelleModul, DateTimeOffset Termin, Guid? KorrelationsId = null) : INotification;

/// <summary>The request was closed: <paramref name="Erledigt"/> true when done, false when cancelled; the rest as in <see cref="LotsenAnfrageVermittelt"/>.</summary>
public sealed record LotsenAnfrageAbgeschlossen(Guid AnfrageId, string? QuelleModul, bool Erledigt, Guid? KorrelationsId = null) : INotification;

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
