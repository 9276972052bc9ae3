using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Modules.Schulungen.Domain;
using MediatR;

namespace IntegrationsPlattform.Modules.Schulungen.Features.Bescheinigungen;

/// <summary>
/// The public check of a verification code (no login): course, dates, the holder's initials, valid or withdrawn —
/// nothing else, and nothing that needs the holder's record, so that it keeps working after her data is erased.
/// </summary>
internal sealed record CheckNachweis(string? Code) : IQuery<NachweisPruefung>;

internal sealed class CheckNachweisHandler(IModuleDatabase<SchulungenModule> database, ILocalClock clock) : IRequestHandler<CheckNachweis, NachweisPruefung>
{
    public const string Unbekannt = "Zu diesem Prüfcode gibt es keine Teilnahmebescheinigung. Bitte den Code so eingeben, wie er auf der Bescheinigung steht.";

    private sealed class Zeile
    {
        public string Code { get; init; } = "";
        public string Titel { get; init; } = "";
        public string? BeginntAm { get; init; }
        public string? EndetAm { get; init; }
        public string Initialen { get; init; } = "";
        public string? ZurueckgezogenAm { get; init; }
    }

    public async Task<NachweisPruefung> Handle(CheckNachweis request, CancellationToken cancellationToken)
    {
        var code = BescheinigungsRegeln.Normalisieren(request.Code) ?? throw new RecordNotFoundException(Unbekannt);
        await using var connection = await database.OpenAsync(cancellationToken);
        var b = await connection.QuerySingleOrDefaultAsync<Zeile>(
            """
            SELECT b.code AS Code, k.titel AS Titel, t.beginnt_am AS BeginntAm, t.endet_am AS EndetAm, b.initialen AS Initialen, b.zurueckgezogen_am AS ZurueckgezogenAm
            FROM bescheinigungen b JOIN termine t ON t.id = b.termin_id JOIN kurse k ON k.id = t.kurs_id
            WHERE b.code = @code
            """,
            new { code }) ?? throw new RecordNotFoundException(Unbekannt);
        return new NachweisPruefung(
            b.Code, b.Titel, Zeitraum(b.BeginntAm, b.EndetAm), b.Initialen, b.ZurueckgezogenAm is null,
            b.ZurueckgezogenAm is { } am ? GermanFormat.Day(DateOnly.FromDateTime(clock.ToLocal(GermanFormat.ParseStoredInstant(am)).DateTime)) : null);
    }

    /// <summary>„01.12.2026“ or „01.12.2026 – 08.12.2026“: the days of the session, without times.</summary>
    private static string Zeitraum(string? beginn, string? ende)
    {
        if (beginn is null || ende is null)
        {
            return "–";
        }

        var von = GermanFormat.Day(DateOnly.FromDateTime(TeilnahmeRegeln.Zeitpunkt(beginn)));
        var bis = GermanFormat.Day(DateOnly.FromDateTime(TeilnahmeRegeln.Zeitpunkt(ende)));
        return von == bis ? von : $"{von} – {bis}";
    }
}
