namespace IntegrationsPlattform.Modules.Schulungen;

/// <summary>Texts of the public registration pages in <c>Resources/AnmeldungTexts*.resx</c> (German, English, Arabic).</summary>
internal sealed class AnmeldungTexts;
