using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace IntegrationsPlattform.Contracts.Web;

/// <summary>
/// The information a public form owes the person who fills it in (Art. 13 DSGVO), shown beside the form. The module
/// says what is particular to its form — purpose, recipients, how long the data is kept — and the notice adds what is
/// the same everywhere: who is responsible (the Kreis, see the Impressum), the legal basis (consent, revocable), the
/// rights and the privacy policy. The text is German (a legal text in the Kreis' language) and marked as such on a
/// page in another language.
/// </summary>
public sealed class PrivacyNotice : ComponentBase
{
    /// <summary>What the data is for, e.g. „Anmeldung zur Schulung und Teilnehmendenliste“.</summary>
    [Parameter, EditorRequired]
    public string Purpose { get; set; } = "";

    /// <summary>Who gets it, e.g. „das WIR-Vielfaltszentrum und die Referentin der Schulung“.</summary>
    [Parameter, EditorRequired]
    public string Recipients { get; set; } = "";

    /// <summary>How long it is kept, e.g. „bis drei Monate nach der Schulung“.</summary>
    [Parameter, EditorRequired]
    public string Retention { get; set; } = "";

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenElement(0, "aside");
        builder.AddAttribute(1, "class", "privacy-notice");
        builder.AddAttribute(2, "lang", "de");
        builder.AddAttribute(3, "dir", "ltr");
        builder.AddAttribute(4, "aria-labelledby", "datenschutzhinweis");
        builder.OpenElement(5, "h2");
        builder.AddAttribute(6, "id", "datenschutzhinweis");
        builder.AddContent(7, "Hinweise zum Datenschutz (Art. 13 DSGVO)");
        builder.CloseElement();
        builder.OpenElement(8, "dl");
        Entry(builder, "Verantwortlich", "der Kreis, Anschrift im ", "/impressum", "Impressum");
        Entry(builder, "Zweck", Purpose);
        Entry(builder, "Rechtsgrundlage", "Ihre Einwilligung (Art. 6 Abs. 1 lit. a DSGVO), die Sie jederzeit für die Zukunft widerrufen können. Erst wenn Sie den Link in unserer E-Mail öffnen, zählen Ihre Angaben.");
        Entry(builder, "Empfänger", Recipients);
        Entry(builder, "Speicherdauer", Retention + ". Angaben, die Sie nicht bestätigen, werden automatisch gelöscht.");
        Entry(builder, "Ihre Rechte", "Auskunft, Berichtigung, Löschung, Einschränkung, Widerspruch und Beschwerde bei der Aufsichtsbehörde (Art. 15–21, 77 DSGVO); mehr in der ", "/datenschutz", "Datenschutzerklärung");
        builder.CloseElement();
        builder.CloseElement();
    }

    private static void Entry(RenderTreeBuilder builder, string term, string text, string? href = null, string? linkText = null)
    {
        // One region per entry: the entries are siblings of one kind, rendered once on the server.
        builder.OpenRegion(9);
        builder.OpenElement(0, "dt");
        builder.AddContent(1, term);
        builder.CloseElement();
        builder.OpenElement(2, "dd");
        builder.AddContent(3, text);
        if (href is not null)
        {
            builder.OpenElement(4, "a");
            builder.AddAttribute(5, "href", href);
            builder.AddContent(6, linkText);
            builder.CloseElement();
            builder.AddContent(7, ".");
        }

        builder.CloseElement();
        builder.CloseRegion();
    }
}
