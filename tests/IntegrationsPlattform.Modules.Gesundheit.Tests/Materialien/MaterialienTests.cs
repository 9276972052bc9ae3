using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using static IntegrationsPlattform.Modules.Gesundheit.Tests.Testdaten;

namespace IntegrationsPlattform.Modules.Gesundheit.Tests.Materialien;

/// <summary>
/// Translated materials of an offer through the SDK's file service: PDF, PNG and JPEG only, recognised by content (a
/// wrong kind is refused in German and nothing is stored), the language and title checked before any file is kept, a
/// provider's own offers only; on a published offer a new material waits for review, the public page then lists the
/// downloads in the visitor's language first, and a withdrawn one is gone at once with its file.
/// </summary>
public sealed class MaterialienTests : GesundheitFixture
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    private string _anbieter = null!;

    [OneTimeSetUp]
    public async Task AnbieterAsync() => _anbieter = await Testdaten.AnbieterAsync(StaffApi, "Kinderarztpraxis Materialien");

    private int DateienAufPlatte()
    {
        var ordner = Path.Combine(Host.DataDirectory, "files", "Gesundheit");
        return Directory.Exists(ordner) ? Directory.GetFiles(ordner, "*", SearchOption.AllDirectories).Length : 0;
    }

    private static async Task<HttpResponseMessage> HochladenAsync(HttpClient client, string angebot, byte[] inhalt, string name, string? sprache = "ar", string? titel = "Flyer (Arabisch)")
    {
        var datei = new ByteArrayContent(inhalt);
        datei.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        using var form = new MultipartFormDataContent { { datei, "datei", name } };
        if (sprache is not null)
        {
            form.Add(new StringContent(sprache), "sprache");
        }

        if (titel is not null)
        {
            form.Add(new StringContent(titel), "titel");
        }

        return await client.PostAsync($"/api/gesundheit/angebote/{angebot}/materialien", form);
    }

    private static async Task<string> MaterialAsync(HttpClient client, string angebot, string sprache, string titel)
    {
        using var response = await HochladenAsync(client, angebot, Pdf, "flyer.pdf", sprache, titel);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private static IEnumerable<TestCaseData> FalscheUploads()
    {
        yield return new TestCaseData("GIF89a\u0001\0\u0001\0"u8.ToArray(), "flyer.pdf", "ar", "Flyer", "datei",
            "Diese Art von Datei wird hier nicht angenommen (erkannt: GIF-Bild). Erlaubt: PDF, PNG-Bild, JPEG-Bild.").SetName("GIF named .pdf");
        yield return new TestCaseData("Nur Text, kein PDF."u8.ToArray(), "flyer.pdf", "ar", "Flyer", "datei",
            "Diese Art von Datei wird hier nicht angenommen (erkannt: Textdatei). Erlaubt: PDF, PNG-Bild, JPEG-Bild.").SetName("text named .pdf");
        yield return new TestCaseData(Array.Empty<byte>(), "flyer.pdf", "ar", "Flyer", "datei", "Die Datei ist leer.").SetName("empty file");
        yield return new TestCaseData(Pdf, "flyer.pdf", null, "Flyer", "sprache", "Bitte die Sprache des Materials angeben.").SetName("no language");
        yield return new TestCaseData(Pdf, "flyer.pdf", "xx", "Flyer", "sprache", "Unbekannter Sprachcode „xx“ (erwartet ISO 639, z. B. ar, fa, uk).").SetName("unknown language");
        yield return new TestCaseData(Pdf, "flyer.pdf", "ar", " ", "titel", "Bitte einen Titel für den Download angeben.").SetName("no title");
    }

    [TestCaseSource(nameof(FalscheUploads))]
    public async Task A_wrong_upload_is_refused_at_its_field_in_German_and_nothing_is_stored(byte[] inhalt, string name, string? sprache, string? titel, string feld, string meldung)
    {
        var angebot = await AngebotAsync(StaffApi, Angebot(_anbieter, titel: "Materialien falsch"));
        var vorher = (Count("materialien"), DateienAufPlatte());

        using var response = await HochladenAsync(StaffApi, angebot, inhalt, name, sprache, titel);
        var fehler = await FehlerAsync(response);

        Assert.Multiple(() =>
        {
            Assert.That(fehler[feld], Does.Contain(meldung));
            Assert.That((Count("materialien"), DateienAufPlatte()), Is.EqualTo(vorher));
        });
    }

    [Test]
    public async Task A_pdf_is_kept_with_its_language_listed_and_downloaded_by_staff_but_not_by_the_public_while_a_draft()
    {
        var angebot = await AngebotAsync(StaffApi, Angebot(_anbieter, titel: "Materialien Entwurf"));
        var material = await MaterialAsync(StaffApi, angebot, "uk", "Листівка (Ukrainisch)");

        var liste = await StaffApi.GetFromJsonAsync<JsonElement>($"/api/gesundheit/angebote/{angebot}/materialien");
        using var download = await StaffApi.GetAsync($"/api/gesundheit/angebote/{angebot}/materialien/{material}");
        using var besucher = Host.Anonymous();
        using var oeffentlich = await besucher.GetAsync($"/gesundheit/angebote/{angebot}/materialien/{material}");

        Assert.Multiple(async () =>
        {
            Assert.That(liste.EnumerateArray().Select(m => (m.GetProperty("sprache").GetString(), m.GetProperty("titel").GetString(), m.GetProperty("veroeffentlicht").GetBoolean())),
                Is.EqualTo(new[] { ("uk", "Листівка (Ukrainisch)", false) }));
            Assert.That(download.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/pdf"));
            Assert.That(await download.Content.ReadAsByteArrayAsync(), Is.EqualTo(Pdf));
            Assert.That(oeffentlich.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        });
    }

    [Test]
    public async Task On_a_published_offer_new_materials_wait_for_review_then_list_in_the_visitors_language_first_and_a_withdrawn_one_is_gone_at_once()
    {
        var angebot = await VeroeffentlichtAsync(StaffApi, Angebot(_anbieter, titel: "Materialien veröffentlicht"));
        var arabisch = await MaterialAsync(StaffApi, angebot, "ar", "Flyer (Arabisch)");
        var tuerkisch = await MaterialAsync(StaffApi, angebot, "tr", "Flyer (Türkisch)");
        using var besucher = Host.Anonymous();
        var status = (await StaffApi.GetFromJsonAsync<JsonElement>($"/api/gesundheit/angebote/{angebot}")).GetProperty("aenderungStatus").GetString();
        var vorPruefung = await PageForms.TextAsync(besucher, $"/gesundheit/angebote/{angebot}");

        await ErfolgAsync(StaffApi.PostAsJsonAsync($"/api/gesundheit/angebote/{angebot}/pruefung", new { entscheidung = "freigeben" }));
        var aufTuerkisch = await PageForms.TextAsync(besucher, $"/gesundheit/angebote/{angebot}?lang=tr");
        var aufDeutsch = await PageForms.TextAsync(besucher, $"/gesundheit/angebote/{angebot}");
        using var herunter = await besucher.GetAsync($"/gesundheit/angebote/{angebot}/materialien/{tuerkisch}");
        var dateienVorher = DateienAufPlatte();

        using var entfernt = await StaffApi.DeleteAsync($"/api/gesundheit/angebote/{angebot}/materialien/{tuerkisch}");
        using var danach = await besucher.GetAsync($"/gesundheit/angebote/{angebot}/materialien/{tuerkisch}");
        var seiteDanach = await PageForms.TextAsync(besucher, $"/gesundheit/angebote/{angebot}");

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo("zur_pruefung"), "a new material is a change waiting for review");
            Assert.That(vorPruefung, Does.Not.Contain("Flyer (Arabisch)"));
            Assert.That(aufTuerkisch.IndexOf("Flyer (Türkisch)", StringComparison.Ordinal), Is.LessThan(aufTuerkisch.IndexOf("Flyer (Arabisch)", StringComparison.Ordinal)).And.GreaterThan(0));
            Assert.That(aufDeutsch.IndexOf("Flyer (Arabisch)", StringComparison.Ordinal), Is.LessThan(aufDeutsch.IndexOf("Flyer (Türkisch)", StringComparison.Ordinal)).And.GreaterThan(0));
            Assert.That(aufDeutsch, Does.Contain($"/gesundheit/angebote/{angebot}/materialien/{arabisch}\" download lang=\"ar\" dir=\"rtl\""));
            Assert.That(herunter.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(entfernt.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(danach.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(seiteDanach, Does.Not.Contain("Flyer (Türkisch)").And.Contain("Flyer (Arabisch)"));
            Assert.That(DateienAufPlatte(), Is.EqualTo(dateienVorher - 1), "the withdrawn material's file is deleted");
        });
    }

    [Test]
    public async Task A_provider_adds_materials_to_its_own_offers_only_and_cannot_touch_anothers()
    {
        var eigener = await Testdaten.AnbieterAsync(StaffApi, "Hebammenpraxis Materialbereich");
        var eigenes = await AngebotAsync(StaffApi, Angebot(eigener, titel: "Eigenes Material"));
        var fremdes = await AngebotAsync(StaffApi, Angebot(_anbieter, titel: "Fremdes Material"));
        var fremdesMaterial = await MaterialAsync(StaffApi, fremdes, "ar", "Fremder Flyer");
        using var praxis = await ApiAsync("anbieter-materialien", TestGrant.InGroups("gesundheit.angebote", eigener));
        var vorher = (Count("materialien"), DateienAufPlatte());

        using var fremdHoch = await HochladenAsync(praxis, fremdes, Pdf, "flyer.pdf");
        using var fremdLesen = await praxis.GetAsync($"/api/gesundheit/angebote/{fremdes}/materialien/{fremdesMaterial}");
        using var fremdLoeschen = await praxis.DeleteAsync($"/api/gesundheit/angebote/{fremdes}/materialien/{fremdesMaterial}");
        var nachFremd = (Count("materialien"), DateienAufPlatte());
        await MaterialAsync(praxis, eigenes, "fa", "بروشور");

        Assert.Multiple(() =>
        {
            Assert.That(fremdHoch.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(fremdLesen.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(fremdLoeschen.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(nachFremd, Is.EqualTo(vorher), "nothing stored, nothing deleted");
            Assert.That(Count("materialien", "angebot_id = @eigenes", new { eigenes }), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task The_page_uploads_through_a_multipart_form_shows_a_wrong_kind_at_the_field_and_withdraws_after_confirmation()
    {
        var angebot = await AngebotAsync(StaffApi, Angebot(_anbieter, titel: "Materialien Seite"));
        var pfad = $"/gesundheit/verwaltung/angebote/{angebot}/materialien";

        async Task<HttpResponseMessage> SeitenUploadAsync(byte[] inhalt, string name)
        {
            var token = PlatformHost.AntiforgeryToken(await StaffBrowser.GetStringAsync(pfad));
            using var form = new MultipartFormDataContent
            {
                { new StringContent(token), "__RequestVerificationToken" }, { new StringContent("material"), "_handler" },
                { new StringContent("ar"), "Input.Sprache" }, { new StringContent("Elternbrief (Arabisch)"), "Input.Titel" },
                { new ByteArrayContent(inhalt), "Input.Datei", name },
            };
            return await StaffBrowser.PostAsync(pfad, form);
        }

        using var falsch = await SeitenUploadAsync("GIF89a\u0001\0\u0001\0"u8.ToArray(), "brief.pdf");
        var falschHtml = WebUtility.HtmlDecode(await falsch.Content.ReadAsStringAsync());
        var nachFalsch = Count("materialien", "angebot_id = @angebot", new { angebot });
        using var richtig = await SeitenUploadAsync(Pdf, "brief.pdf");
        Assert.That(richtig.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await richtig.Content.ReadAsStringAsync());
        var seite = await PageAsync(PageForms.RedirectTarget(richtig)!);
        var material = Count("materialien", "angebot_id = @angebot", new { angebot }) == 1
            ? (await StaffApi.GetFromJsonAsync<JsonElement>($"/api/gesundheit/angebote/{angebot}/materialien"))[0].GetProperty("id").GetString()!
            : "";
        using var ohneHaken = await PageForms.SubmitAsync(StaffBrowser, pfad, "entfernen", ("EntfernenInput.MaterialId", material));
        var ohneHakenHtml = WebUtility.HtmlDecode(await ohneHaken.Content.ReadAsStringAsync());
        using var entfernt = await PageForms.SubmitAsync(StaffBrowser, pfad, "entfernen", ("EntfernenInput.MaterialId", material), ("EntfernenInput.Bestaetigt", "true"));

        Assert.Multiple(() =>
        {
            Assert.That(PageForms.MessagesAt(falschHtml, "id=\"datei\""), Is.EqualTo(new[] { "Diese Art von Datei wird hier nicht angenommen (erkannt: GIF-Bild). Erlaubt: PDF, PNG-Bild, JPEG-Bild." }));
            Assert.That(nachFalsch, Is.Zero);
            Assert.That(seite, Does.Contain("Das Material wurde hochgeladen.").And.Contain("Elternbrief (Arabisch)").And.Contain("Arabisch"));
            Assert.That(PageForms.MessagesAt(ohneHakenHtml, "id=\"entfernen-bestaetigt\""), Is.EqualTo(new[] { "Bitte bestätigen Sie das Entfernen." }));
            Assert.That(entfernt.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(Count("materialien", "angebot_id = @angebot", new { angebot }), Is.Zero);
        });
    }
}
