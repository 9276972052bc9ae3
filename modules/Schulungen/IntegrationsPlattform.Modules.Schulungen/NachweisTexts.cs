namespace IntegrationsPlattform.Modules.Schulungen;

/// <summary>Texts of the public certificate check in Resources/NachweisTexts*.resx (German, English, Arabic, Turkish, Ukrainian, Russian, Farsi).</summary>
internal sealed class NachweisTexts;
