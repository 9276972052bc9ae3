namespace IntegrationsPlattform.Modules.Gesundheit.Features.Anbieter;

/// <summary>
/// A provider organisation as staff enter it (HSDS organization): name, description, minimal contact (e-mail,
/// telephone, website) and the municipality it sits in.
/// </summary>
internal sealed record AnbieterEingabe(string? Name, string? Beschreibung, string? Email, string? Website, string? Telefon = null, string? KommuneAgs = null);

internal sealed record AnbieterZeile(string Id, string Name, string? Beschreibung, string? Email, string? Website, string? Telefon, string? KommuneAgs);
