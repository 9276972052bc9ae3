using System.Globalization;
using System.Resources;
using IntegrationsPlattform.Contracts.Kernel;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.Extensions.Localization;

namespace IntegrationsPlattform.Contracts.Web;

/// <summary>
/// One text of a public page from its resources (<c>Resources/T.&lt;lang&gt;.resx</c>). Where the visitor's language
/// has no translation of it, the German text is shown inside <c>&lt;span lang="de" dir="ltr"&gt;</c>, so that a
/// screen reader speaks it as German and an Arabic page does not turn it right to left.
/// Usage: <c>&lt;h1&gt;&lt;LocalizedText Localizer="T" Key="Title" /&gt;&lt;/h1&gt;</c>.
/// </summary>
public sealed class LocalizedText : ComponentBase
{
    [Parameter, EditorRequired]
    public IStringLocalizer Localizer { get; set; } = null!;

    [Parameter, EditorRequired]
    public string Key { get; set; } = "";

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        var text = Localizer[Key].Value;
        var language = LanguageOf(Localizer, Key);
        if (language == Languages.Of(CultureInfo.CurrentUICulture))
        {
            builder.AddContent(0, text);
            return;
        }

        builder.OpenElement(1, "span");
        builder.AddAttribute(2, "lang", language.Code);
        builder.AddAttribute(3, "dir", language.Direction);
        builder.AddContent(4, text);
        builder.CloseElement();
    }

    /// <summary>
    /// The language a text of the localizer comes out in for the current visitor: theirs where their resource
    /// file has the key, else German (the neutral resources every public text has).
    /// </summary>
    public static Language LanguageOf(IStringLocalizer localizer, string key)
    {
        var visitor = Languages.Of(CultureInfo.CurrentUICulture);
        if (visitor == Languages.German)
        {
            return visitor;
        }

        try
        {
            if (!localizer.GetAllStrings(includeParentCultures: false).Any(s => s.Name == key))
            {
                return Languages.German;
            }
        }
        catch (MissingManifestResourceException)
        {
            // No resource file for the visitor's language at all: every text is German.
            return Languages.German;
        }

        // Once a text was looked up with its fallback, the resource manager keeps the German resources under the
        // visitor's culture too, so for a language without a resource file the lookup above finds every key. A text
        // that reads exactly like the German one is therefore taken as German.
        var saved = CultureInfo.CurrentUICulture;
        string german;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
            german = localizer[key].Value;
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }

        return localizer[key].Value == german ? Languages.German : visitor;
    }
}
