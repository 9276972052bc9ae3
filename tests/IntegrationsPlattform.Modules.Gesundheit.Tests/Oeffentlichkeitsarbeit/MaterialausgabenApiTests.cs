using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using static IntegrationsPlattform.Modules.Gesundheit.Tests.Oeffentlichkeitsarbeit.Kampagnendaten;
using static IntegrationsPlattform.Modules.Gesundheit.Tests.Testdaten;

namespace IntegrationsPlattform.Modules.Gesundheit.Tests.Oeffentlichkeitsarbeit;

/// <summary>
/// Material hand-outs through the API: bad input refused at its field with nothing written, the list's filters and
/// paging, and the figures per municipality as JSON and CSV. The tests' hand-outs lie on days long past, so the demo
/// data's stay out of the periods they count.
/// </summary>
public sealed class MaterialausgabenApiTests : GesundheitFixture
{
    private static readonly DateOnly Frueher = new(2001, 3, 1);

    private static IEnumerable<TestCaseData> FalscheAusgaben()
    {
        TestCaseData Fall(string name, string feld, string meldung, Action<Dictionary<string, object?>> aendern) => new TestCaseData(feld, meldung, aendern).SetName(name);
        yield return Fall("Ohne Material", "material", "Bitte das Material angeben.", b => b["material"] = "");
        yield return Fall("Ohne Sprache", "sprachen", "Bitte mindestens eine Sprache des Materials angeben.", b => b["sprachen"] = Array.Empty<string>());
        yield return Fall("Unbekannte Sprache", "sprachen", "Unbekannter Sprachcode „xx“ (erwartet ISO 639, z. B. ar, fa, uk).", b => b["sprachen"] = new[] { "ar", "xx" });
        yield return Fall("Unbekannte Einrichtung", "einrichtungArt", "Unbekannte Art der Einrichtung „zoo“.", b => b["einrichtungArt"] = "zoo");
        yield return Fall("Ohne Einrichtung", "einrichtung", "Bitte den Namen der Einrichtung angeben.", b => b["einrichtung"] = null);
        yield return Fall("Ohne Kommune", "kommuneAgs", "Bitte eine Kommune im Odenwaldkreis wählen.", b => b["kommuneAgs"] = null);
        yield return Fall("Ohne Anzahl", "anzahl", "Bitte die Anzahl angeben.", b => b["anzahl"] = null);
        yield return Fall("Anzahl null", "anzahl", "Die Anzahl muss zwischen 1 und 1.000.000 liegen.", b => b["anzahl"] = 0);
        yield return Fall("Ohne Tag", "datum", "Bitte ein Datum angeben.", b => b["datum"] = null);
        yield return Fall("Tag in der Zukunft", "datum", "Eine Ausgabe kann nicht in der Zukunft liegen.", b => b["datum"] = "2999-01-01");
        yield return Fall("Kampagne keine Id", "kampagneId", "Die Kampagne ist nicht gültig.", b => b["kampagneId"] = "morgen");
        yield return Fall("Unbekannte Kampagne", "kampagneId", "Diese Kampagne gibt es nicht.", b => b["kampagneId"] = Guid.NewGuid().ToString());
    }

    [TestCaseSource(nameof(FalscheAusgaben))]
    public async Task Bad_input_is_refused_at_its_field_and_nothing_is_written(string feld, string meldung, Action<Dictionary<string, object?>> aendern)
    {
        var body = Ausgabe(Frueher);
        aendern(body);
        var vorher = (Count("materialausgaben"), Count("materialausgabe_sprachen"));

        using var response = await StaffApi.PostAsJsonAsync("/api/gesundheit/materialausgaben", body);
        var fehler = await FehlerAsync(response);

        Assert.Multiple(() =>
        {
            Assert.That(fehler[feld], Does.Contain(meldung));
            Assert.That((Count("materialausgaben"), Count("materialausgabe_sprachen")), Is.EqualTo(vorher));
        });
    }

    [Test]
    public async Task The_list_filters_by_municipality_institution_language_and_period_and_pages()
    {
        var tag = new DateOnly(2002, 5, 10);
        var kita = await AusgabeAsync(StaffApi, Ausgabe(tag, Oberzent));
        var schule = Ausgabe(tag.AddDays(1), Oberzent);
        schule["einrichtungArt"] = "schule";
        schule["sprachen"] = new[] { "uk" };
        var schuleId = await AusgabeAsync(StaffApi, schule);
        await AusgabeAsync(StaffApi, Ausgabe(tag, Michelstadt));
        var zeitraum = $"von={Tag(tag)}&bis={Tag(tag.AddDays(1))}";

        async Task<List<string?>> IdsAsync(string filter) => (await StaffApi.GetFromJsonAsync<JsonElement>($"/api/gesundheit/materialausgaben?{zeitraum}&{filter}"))
            .GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();

        var erste = await StaffApi.GetFromJsonAsync<JsonElement>($"/api/gesundheit/materialausgaben?{zeitraum}&kommune={Oberzent}&groesse=1");
        var zweite = await StaffApi.GetFromJsonAsync<JsonElement>($"/api/gesundheit/materialausgaben?{zeitraum}&kommune={Oberzent}&groesse=1&seite=2");
        using var verkehrt = await StaffApi.GetAsync($"/api/gesundheit/materialausgaben?von={Tag(tag)}&bis={Tag(tag.AddDays(-1))}");
        var fehler = await FehlerAsync(verkehrt);

        Assert.Multiple(async () =>
        {
            Assert.That(await IdsAsync($"kommune={Oberzent}"), Is.EqualTo(new[] { schuleId, kita }), "newest first");
            Assert.That(await IdsAsync($"kommune={Oberzent}&einrichtungArt=kita"), Is.EqualTo(new[] { kita }));
            Assert.That(await IdsAsync($"kommune={Oberzent}&sprache=uk"), Is.EqualTo(new[] { schuleId }));
            Assert.That(erste.GetProperty("total").GetInt32(), Is.EqualTo(2));
            Assert.That(erste.GetProperty("rows")[0].GetProperty("id").GetString(), Is.EqualTo(schuleId));
            Assert.That(zweite.GetProperty("rows")[0].GetProperty("id").GetString(), Is.EqualTo(kita));
            Assert.That(fehler["bis"], Is.EqualTo(new[] { "Das Ende darf nicht vor dem Beginn liegen." }));
        });
    }

    [Test]
    public async Task The_figures_count_hand_outs_and_pieces_per_municipality_institution_and_language_also_as_csv()
    {
        var tag = new DateOnly(2003, 9, 1);
        await AusgabeAsync(StaffApi, Ausgabe(tag, Erbach));
        var praxis = Ausgabe(tag, Erbach);
        praxis["einrichtungArt"] = "arzt";
        praxis["sprachen"] = new[] { "ar" };
        praxis["anzahl"] = 15;
        await AusgabeAsync(StaffApi, praxis);
        var beirat = Ausgabe(tag, Oberzent);
        beirat["einrichtungArt"] = "beirat";
        beirat["sprachen"] = new[] { "fa" };
        beirat["anzahl"] = 7;
        await AusgabeAsync(StaffApi, beirat);
        var zeitraum = $"von={Tag(tag)}&bis={Tag(tag)}";

        var zahlen = await StaffApi.GetFromJsonAsync<JsonElement>($"/api/gesundheit/materialausgaben/zahlen?{zeitraum}");
        using var csv = await StaffApi.GetAsync($"/api/gesundheit/materialausgaben/zahlen.csv?{zeitraum}");
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        var zeilen = Encoding.UTF8.GetString(bytes.AsSpan(3)).Split("\r\n");

        var kommunen = zahlen.GetProperty("kommunen").EnumerateArray().ToDictionary(k => k.GetProperty("kommuneAgs").GetString()!);
        var erbach = kommunen[Erbach];
        Assert.Multiple(() =>
        {
            Assert.That(kommunen, Has.Count.EqualTo(12), "every municipality of the Kreis, also those without a hand-out");
            Assert.That(zahlen.GetProperty("sprachen").EnumerateArray().Select(s => s.GetString()), Is.EqualTo(new[] { "ar", "fa", "tr" }), "in German alphabetical order: Arabisch, Persisch, Türkisch");
            Assert.That(erbach.GetProperty("ausgaben").GetInt32(), Is.EqualTo(2));
            Assert.That(erbach.GetProperty("stueck").GetInt64(), Is.EqualTo(55));
            Assert.That(erbach.GetProperty("stueckJeEinrichtungArt").GetProperty("kita").GetInt64(), Is.EqualTo(40));
            Assert.That(erbach.GetProperty("stueckJeEinrichtungArt").GetProperty("arzt").GetInt64(), Is.EqualTo(15));
            Assert.That(erbach.GetProperty("stueckJeSprache").GetProperty("ar").GetInt64(), Is.EqualTo(55), "a multilingual flyer counts in each of its languages");
            Assert.That(erbach.GetProperty("stueckJeSprache").GetProperty("tr").GetInt64(), Is.EqualTo(40));
            Assert.That(kommunen[Michelstadt].GetProperty("stueck").GetInt64(), Is.Zero);

            Assert.That(csv.Content.Headers.ContentType?.ToString(), Is.EqualTo("text/csv; charset=utf-8"));
            Assert.That(bytes[..3], Is.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }), "UTF-8 with BOM for German Excel");
            Assert.That(zeilen[0], Is.EqualTo("Kommune;AGS;Ausgaben;Stück;Stück an Kita;Stück an Schule;Stück an Arztpraxis;Stück an Beirat;Stück an sonstige Einrichtung;Stück auf Arabisch;Stück auf Persisch (Farsi);Stück auf Türkisch"));
            Assert.That(zeilen, Does.Contain($"Erbach;{Erbach};2;55;40;0;15;0;0;55;0;40"));
            Assert.That(zeilen, Does.Contain($"Oberzent;{Oberzent};1;7;0;0;0;7;0;0;7;0"));
        });
    }
}
