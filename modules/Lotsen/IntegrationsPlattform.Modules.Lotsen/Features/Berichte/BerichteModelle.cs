using IntegrationsPlattform.Contracts.Kernel;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Berichte;

/// <summary>A reporting period: a calendar year or one of its quarters, in local time.</summary>
internal sealed record Berichtszeitraum(int Jahr, int? Quartal)
{
    public DateOnly Von => new(Jahr, Quartal is { } q ? (q - 1) * 3 + 1 : 1, 1);

    public DateOnly Bis => Quartal is null ? new DateOnly(Jahr, 12, 31) : Von.AddMonths(3).AddDays(-1);

    public string Text => Quartal is { } q ? $"{q}. Quartal {Jahr}" : $"Jahr {Jahr}";
}

/// <summary>One row of a breakdown of requests (by topic, language or municipality) with their outcome.</summary>
internal sealed record AnfragenZeile(string Schluessel, long Gesamt, long Offen, long Vermittelt, long Erledigt, long Abgebrochen);

internal sealed record AnzahlZeile(string Schluessel, long Anzahl);

/// <summary>Carried-out assignments of one quarter.</summary>
internal sealed record QuartalZeile(long Quartal, long Einsaetze, long Minuten, double Kilometer, long Lotsen)
{
    public decimal Stunden => GermanFormat.Hours(Minuten);
}

/// <summary>Hours and km of one Lotse in the period (volunteer reimbursement and recognition).</summary>
internal sealed record LotseStundenZeile(string LotseId, string Vorname, string Nachname, long Einsaetze, long Minuten, double Kilometer)
{
    public decimal Stunden => GermanFormat.Hours(Minuten);
}

/// <summary>
/// Everything the reports show, figures only: no pseudonyms or contacts of people seeking advice ever
/// enter a report. Lotsen appear by name only in the hours table, which is their reimbursement basis.
/// </summary>
internal sealed record LotsenBericht(
    Berichtszeitraum Zeitraum,
    IReadOnlyList<AnzahlZeile> AktiveJeKommune,
    IReadOnlyList<AnzahlZeile> AktiveJeSprache,
    IReadOnlyList<AnfragenZeile> AnfragenJeThema,
    IReadOnlyList<AnfragenZeile> AnfragenJeSprache,
    IReadOnlyList<AnfragenZeile> AnfragenJeKommune,
    IReadOnlyList<QuartalZeile> StundenJeQuartal,
    IReadOnlyList<LotseStundenZeile> StundenJeLotse);
