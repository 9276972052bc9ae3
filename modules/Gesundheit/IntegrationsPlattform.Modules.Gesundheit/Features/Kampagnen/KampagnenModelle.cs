using IntegrationsPlattform.Modules.Gesundheit.Features.Materialausgaben;

namespace IntegrationsPlattform.Modules.Gesundheit.Features.Kampagnen;

/// <summary>A campaign as staff plan it: title, what it is about, its period (days <c>yyyy-MM-dd</c>, the end optional) and the municipalities it runs in.</summary>
internal sealed record KampagneEingabe(string? Titel, string? Beschreibung, string? Beginn, string? Ende, IReadOnlyList<string?>? Kommunen);

/// <summary>A status change of a campaign; calling it off needs a reason.</summary>
internal sealed record KampagneStatusEingabe(string? Status, string? Grund);

/// <summary>The list's filters: status and municipality.</summary>
internal sealed record KampagneFilter(string? Status, string? Kommune);

/// <summary>A campaign in the list, with the hand-outs linked to it and their pieces.</summary>
internal sealed record KampagneZeile(
    string Id, string Titel, string Beginn, string? Ende, IReadOnlyList<string> Kommunen, string Status, string StatusText, string StatusSeit,
    int Ausgaben, long Stueck);

internal sealed record KampagneVerlauf(string? Von, string Nach, string? Grund, string Am, string Durch);

/// <summary>One campaign with its description, the status changes it may take next, its history and its hand-outs.</summary>
internal sealed record KampagneDetail(
    KampagneZeile Kampagne, string? Beschreibung, string AngelegtVon, IReadOnlyList<string> NaechsteStatus, IReadOnlyList<KampagneVerlauf> Verlauf,
    IReadOnlyList<MaterialausgabeZeile> Materialausgaben);
