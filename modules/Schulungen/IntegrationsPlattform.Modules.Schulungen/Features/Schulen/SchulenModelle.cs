namespace IntegrationsPlattform.Modules.Schulungen.Features.Schulen;

/// <summary>The JSON body of creating and changing a school.</summary>
internal sealed record SchuleEingabe(string? Name, string? Schulart, string? Kommune);

internal sealed record SchuleZeile(string Id, string Name, string Schulart, string SchulartText, string Kommune);

internal sealed record Schulart(string Schluessel, string Bezeichnung);
