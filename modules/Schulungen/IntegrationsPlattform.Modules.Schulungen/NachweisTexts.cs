namespace IntegrationsPlattform.Modules.Schulungen;

/// <summary>Texts of the public certificate check in Resources/NachweisTexts*.resx (German, English).</summary>
internal sealed class NachweisTexts;
