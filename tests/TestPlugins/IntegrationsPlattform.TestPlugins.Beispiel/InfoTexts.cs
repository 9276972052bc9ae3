namespace IntegrationsPlattform.TestPlugins.Beispiel;

/// <summary>Texts of the public info page in Resources/InfoTexts*.resx (German, English, Arabic).</summary>
internal sealed class InfoTexts;
