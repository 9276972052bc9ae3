namespace IntegrationsPlattform.Modules.Gesundheit.Features.Barrieren;

/// <summary>
/// A barrier as staff record it: its kind, where it is (an offer, a municipality, or both), the language it concerns
/// (for a language barrier) and what families run into.
/// </summary>
internal sealed record BarriereEingabe(string? Art, string? AngebotId, string? KommuneAgs, string? Sprache, string? Beschreibung);

/// <summary>A measure against a barrier: its kind, a short title, who is responsible for it.</summary>
internal sealed record MassnahmeEingabe(string? Art, string? Titel, string? Beschreibung, string? Verantwortlich);

internal sealed record StatusEingabe(string? Status);

/// <summary>The list's filters: kind, municipality (the barrier's own or one of its offer's places), and „without a measure“.</summary>
internal sealed record BarriereFilter(string? Art, string? Kommune, bool OhneMassnahme);

/// <summary>
/// A barrier in the list. <see cref="OffeneMassnahmen"/> counts the measures planned or under way; a barrier
/// without any measure that is not dropped is one „ohne Maßnahme“.
/// </summary>
internal sealed record BarriereZeile(
    string Id, string Art, string ArtText, string? AngebotId, string? AngebotTitel, string? KommuneAgs, string? Sprache,
    string Beschreibung, int Massnahmen, int OffeneMassnahmen, string ErfasstAm);

internal sealed record MassnahmeZeile(
    string Id, string Art, string ArtText, string Titel, string? Beschreibung, string Verantwortlich, string Status, string StatusText,
    string StatusSeit, IReadOnlyList<string> NaechsteStatus);

internal sealed record BarriereDetail(BarriereZeile Barriere, string ErfasstVon, IReadOnlyList<MassnahmeZeile> Massnahmen);
