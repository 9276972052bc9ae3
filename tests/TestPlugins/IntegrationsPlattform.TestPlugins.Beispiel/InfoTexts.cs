namespace IntegrationsPlattform.TestPlugins.Beispiel;

/// <summary>
/// Texts of the public info page in Resources/InfoTexts*.resx (German, English, Arabic). "Kontakt" has no Arabic
/// translation on purpose: the tests show that it is then marked as German text.
/// </summary>
internal sealed class InfoTexts;
