namespace IntegrationsPlattform.Modules.Gesundheit;

/// <summary>
/// The own texts of the public directory's pages, in <c>Resources/VerzeichnisTexte*.resx</c>: German, English, Arabic,
/// Turkish, Ukrainian, Russian and Farsi. Another language is one more resource file and its code in
/// <c>Platform:PublicLanguages</c>; a text without a translation is shown in German, marked as such.
/// </summary>
internal sealed class VerzeichnisTexte;
