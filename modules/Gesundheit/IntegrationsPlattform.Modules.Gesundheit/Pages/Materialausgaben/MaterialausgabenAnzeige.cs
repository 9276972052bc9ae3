using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Web.Forms;
using IntegrationsPlattform.Modules.Gesundheit.Features.Materialausgaben;
using IntegrationsPlattform.Modules.Gesundheit.Pages.Kampagnen;
using Microsoft.AspNetCore.Components;

namespace IntegrationsPlattform.Modules.Gesundheit.Pages.Materialausgaben;

/// <summary>How the hand-outs' pages show stored values; the columns the list and a campaign's page share.</summary>
internal static class MaterialausgabenAnzeige
{
    public const string Liste = "/gesundheit/verwaltung/materialausgaben";

    public const string Zahlen = $"{Liste}/zahlen";

    /// <summary>The languages of the public pages first: what material is mostly translated into.</summary>
    public static IReadOnlyList<(string Code, string Name)> HaeufigeSprachen(DeploymentInfo deployment)
        => deployment.PublicLanguages.Where(l => l != Languages.German).Select(l => (l.Code, l.GermanName)).ToList();

    public static string Sprachen(MaterialausgabeZeile a) => string.Join(", ", a.Sprachen.Select(Languages.GermanName));

    public static IReadOnlyList<DataColumn<MaterialausgabeZeile>> Spalten(DeploymentInfo deployment, bool mitKampagne) =>
    [
        new("Tag", a => Text(GermanFormat.Day(GermanFormat.ParseStoredDay(a.Datum)))),
        new("Material", a => Text(a.Material)),
        new("Sprachen", a => Text(Sprachen(a))),
        new("Einrichtung", a => Text($"{a.EinrichtungArtText}: {a.Einrichtung}")),
        new("Kommune", a => Text(deployment.MunicipalityName(a.KommuneAgs))),
        new("Stück", a => Text(a.Anzahl.ToString("N0", GermanFormat.Culture))),
        new("Kampagne", a => a.KampagneId is null ? Text("–") : Link(KampagnenAnzeige.Seite(a.KampagneId), a.KampagneTitel ?? ""), Shown: mitKampagne),
    ];

    private static RenderFragment Text(string text) => builder => builder.AddContent(0, text);

    private static RenderFragment Link(string href, string text) => builder =>
    {
        builder.OpenElement(0, "a");
        builder.AddAttribute(1, "href", href);
        builder.AddContent(2, text);
        builder.CloseElement();
    };
}
