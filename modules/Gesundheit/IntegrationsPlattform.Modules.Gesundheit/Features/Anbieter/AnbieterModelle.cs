namespace IntegrationsPlattform.Modules.Gesundheit.Features.Anbieter;

/// <summary>A provider organisation as staff enter it (HSDS organization: name, description, e-mail, website).</summary>
internal sealed record AnbieterEingabe(string? Name, string? Beschreibung, string? Email, string? Website);

internal sealed record AnbieterZeile(string Id, string Name, string? Beschreibung, string? Email, string? Website);
