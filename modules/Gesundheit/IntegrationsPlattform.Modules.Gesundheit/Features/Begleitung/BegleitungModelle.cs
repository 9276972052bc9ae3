namespace IntegrationsPlattform.Modules.Gesundheit.Features.Begleitung;

/// <summary>
/// A family's need for a Lotse who speaks its language, to go to an offer. <see cref="Initialen"/> travel on to the
/// Lotsen with the hand-over and are never stored by this module.
/// </summary>
internal sealed record UebergabeEingabe(string? AngebotId, string? Sprache, string? KommuneAgs, string? Initialen, string? Ab, string? Bis);

/// <summary>How many active Lotsen speak the language in the municipality, and the earliest day one of them has offered.</summary>
internal sealed record BegleitungVerfuegbarkeit(string Sprache, string KommuneAgs, int AktiveLotsen, DateOnly? FruehesterTag);

/// <summary>The answer of a hand-over: the correlation id under which the Lotsen module reports back.</summary>
internal sealed record NeueUebergabe(string KorrelationsId);

/// <summary>One hand-over as staff see it in the list.</summary>
internal sealed record UebergabeZeile(
    string KorrelationsId,
    string AngebotId,
    string? AngebotTitel,
    string Sprache,
    string KommuneAgs,
    DateOnly Datum,
    string Status,
    string StatusText,
    string StatusSeit,
    string? AnfrageId);

internal sealed record UebergabeFilter(string? Status, string? Kommune, string? AngebotId);
