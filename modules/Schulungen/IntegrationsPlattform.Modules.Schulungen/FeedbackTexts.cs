namespace IntegrationsPlattform.Modules.Schulungen;

/// <summary>Texts of the public anonymous feedback form in Resources/FeedbackTexts*.resx (German, English, Arabic, Turkish, Ukrainian, Russian, Farsi).</summary>
internal sealed class FeedbackTexts;
