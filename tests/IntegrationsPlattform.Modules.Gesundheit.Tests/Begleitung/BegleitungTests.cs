using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using static IntegrationsPlattform.Modules.Gesundheit.Tests.Begleitung.BegleitungTestdaten;
using static IntegrationsPlattform.Modules.Gesundheit.Tests.Testdaten;

namespace IntegrationsPlattform.Modules.Gesundheit.Tests.Begleitung;

/// <summary>
/// Workflow 6 with both modules loaded from their plugin folders: staff ask the Lotsen module how many Lotsen speak a
/// family's language in its municipality, hand the family over through Gesundheit's outbox, and follow the Lotsen
/// module's reports on it — while Gesundheit's database never holds the family's initials.
/// </summary>
public sealed class BegleitungTests : GesundheitFixture
{
    protected override IReadOnlyList<string> Peers => ["Lotsen"];

    /// <summary>The tests deliver the outboxes themselves, so that they can look at what waits before the delivery.</summary>
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Platform:Outbox:Paused"] = "true" };

    private string _angebot = null!;

    [OneTimeSetUp]
    public async Task VeroeffentlichtesAngebotAsync()
    {
        var anbieter = await AnbieterAsync(StaffApi, "Kinderarztpraxis Begleitung");
        _angebot = await VeroeffentlichtAsync(StaffApi, Angebot(anbieter, titel: "U-Untersuchung mit Begleitung"));
    }

    [Test]
    public async Task Availability_counts_the_active_Lotsen_who_speak_the_language_in_the_municipality_and_names_none()
    {
        var vorher = await StaffApi.GetFromJsonAsync<JsonElement>($"/api/gesundheit/begleitung/verfuegbarkeit?sprache=hy&kommune={Michelstadt}");
        await AktiverLotseAsync(StaffApi, "Armenisch-Michelstadt", "hy", Michelstadt);
        await AktiverLotseAsync(StaffApi, "Armenisch-Oberzent", "hy", Oberzent);

        var nachher = await StaffApi.GetFromJsonAsync<JsonElement>($"/api/gesundheit/begleitung/verfuegbarkeit?sprache=HY&kommune={Michelstadt}");

        Assert.Multiple(() =>
        {
            Assert.That(vorher.GetProperty("aktiveLotsen").GetInt32(), Is.Zero);
            Assert.That(nachher.GetProperty("aktiveLotsen").GetInt32(), Is.EqualTo(1), "only the Lotse serving Michelstadt");
            Assert.That(nachher.GetProperty("sprache").GetString(), Is.EqualTo("hy"));
            Assert.That(nachher.GetProperty("fruehesterTag").GetString(), Is.Not.Null);
            Assert.That(nachher.GetRawText(), Does.Not.Contain("Armenisch"), "figures only, never a Lotse's name");
        });
    }

    [Test]
    public async Task A_hand_over_becomes_a_Lotsen_request_and_staff_see_it_created_matched_and_closed()
    {
        var lotse = await AktiverLotseAsync(StaffApi, "Georgisch-Erbach", "ka", Erbach);

        var korrelation = await UebergebenAsync(StaffApi, Uebergabe(_angebot, initialen: "N. T."));
        var vorDerZustellung = await StandAsync(korrelation);
        await Host.DeliverOutboxAsync();
        await Host.DeliverOutboxAsync();
        var angelegt = await StandAsync(korrelation);
        var anfrageId = angelegt.GetProperty("anfrageId").GetString()!;
        var anfrage = await StaffApi.GetFromJsonAsync<JsonElement>($"/api/lotsen/anfragen/{anfrageId}");

        await ErfolgAsync(StaffApi.PostAsJsonAsync($"/api/lotsen/anfragen/{anfrageId}/vermittlung", new { lotseId = lotse, tag = Tag(NaechsterDienstag()), beginn = "09:30", dauerMinuten = 60 }));
        await Host.DeliverOutboxAsync();
        var vermittelt = await StandAsync(korrelation);
        var liste = await PageAsync("/gesundheit/verwaltung/begleitung?status=vermittelt");
        await ErfolgAsync(StaffApi.PostAsJsonAsync($"/api/lotsen/anfragen/{anfrageId}/status", new { status = "abgebrochen", grund = "Termin von der Familie abgesagt" }));
        await Host.DeliverOutboxAsync();
        var abgebrochen = await StandAsync(korrelation);

        Assert.Multiple(() =>
        {
            Assert.That(vorDerZustellung.GetProperty("status").GetString(), Is.EqualTo("uebergeben"));
            Assert.That(angelegt.GetProperty("status").GetString(), Is.EqualTo("angelegt"));
            Assert.That(anfrage.GetProperty("quelleModul").GetString(), Is.EqualTo("Gesundheit"));
            Assert.That(anfrage.GetProperty("kennung").GetString(), Is.EqualTo("N. T."), "the initials reach the Lotsen");
            Assert.That(anfrage.GetProperty("ziel").GetString(), Is.EqualTo("U-Untersuchung mit Begleitung"), "the offer is the request's goal");
            Assert.That(anfrage.GetProperty("kommuneAgs").GetString(), Is.EqualTo(Erbach));
            Assert.That(vermittelt.GetProperty("status").GetString(), Is.EqualTo("vermittelt"));
            Assert.That(vermittelt.GetProperty("statusText").GetString(), Is.EqualTo("vermittelt"));
            Assert.That(liste, Does.Contain("U-Untersuchung mit Begleitung").And.Contain("Georgisch").And.Contain("Erbach"));
            Assert.That(abgebrochen.GetProperty("status").GetString(), Is.EqualTo("abgebrochen"));
        });
    }

    [Test]
    public async Task Gesundheits_database_never_holds_the_initials_of_the_family()
    {
        const string Initialen = "X. Y. W.";
        var korrelation = await UebergabenAsync(Initialen);
        var gespeichertVorZustellung = TexteMit(Initialen, ohneAusgang: true);
        await Host.DeliverOutboxAsync();
        var gespeichert = TexteMit(Initialen, ohneAusgang: false);

        Assert.Multiple(() =>
        {
            Assert.That(Count("lotsen_uebergaben", "korrelations_id = @korrelation", new { korrelation }), Is.EqualTo(1));
            Assert.That(gespeichertVorZustellung, Is.Empty, "only the outbox carries them until the Lotsen have them");
            Assert.That(gespeichert, Is.Empty, "after the delivery not even the outbox");
        });
    }

    [Test]
    public async Task A_hand_over_with_bad_input_is_refused_at_its_field_and_nothing_is_written_or_sent()
    {
        var anbieter = await AnbieterAsync(StaffApi, "Praxis mit Entwurf (Begleitung)");
        var entwurf = await AngebotAsync(StaffApi, Angebot(anbieter, titel: "Noch ein Entwurf"));
        var faelle = new (string Feld, string Wert, string Erwartet)[]
        {
            ("sprache", "klingonisch", "Unbekannter Sprachcode „klingonisch“"),
            ("sprache", "de", "andere Sprache als Deutsch"),
            ("sprache", "", "Bitte die Sprache der Familie wählen."),
            ("kommuneAgs", "06411000", "06411000"),
            ("kommuneAgs", "", "Bitte eine Kommune im Odenwaldkreis wählen."),
            ("initialen", "", "Bitte die Initialen der Familie (keinen Namen) angeben."),
            ("initialen", "Nadia Tamarashvili", "Höchstens 10 Zeichen"),
            ("ab", "morgen", "Bitte ein gültiges Datum angeben (JJJJ-MM-TT)."),
            ("ab", Tag(TestClock.Today.AddDays(-1)), "Vergangenheit"),
            ("bis", Tag(NaechsterDienstag().AddDays(-1)), "zwischen dem Beginn und 92 Tagen danach"),
            ("bis", Tag(NaechsterDienstag().AddDays(100)), "zwischen dem Beginn und 92 Tagen danach"),
            ("angebotId", "kein-angebot", "Das Angebot ist nicht gültig."),
            ("angebotId", Guid.NewGuid().ToString(), "nicht veröffentlicht oder existiert nicht"),
            ("angebotId", entwurf, "nicht veröffentlicht oder existiert nicht"),
        };
        var uebergabenVorher = Count("lotsen_uebergaben");
        var ausgangVorher = Count("platform_outbox");

        foreach (var (feld, wert, erwartet) in faelle)
        {
            var body = Uebergabe(_angebot);
            body[feld] = wert;
            using var response = await StaffApi.PostAsJsonAsync(Uebergaben, body);
            var fehler = await FehlerAsync(response);
            Assert.That(fehler.GetValueOrDefault(feld), Has.Some.Contains(erwartet), $"{feld} = „{wert}“: {string.Join(" | ", fehler.SelectMany(f => f.Value))}");
        }

        Assert.Multiple(() =>
        {
            Assert.That(Count("lotsen_uebergaben"), Is.EqualTo(uebergabenVorher));
            Assert.That(Count("platform_outbox"), Is.EqualTo(ausgangVorher), "nothing waits to be sent");
        });
    }

    [Test]
    public async Task Availability_with_an_unknown_language_or_municipality_is_a_400_naming_the_field()
    {
        using var sprache = await StaffApi.GetAsync($"/api/gesundheit/begleitung/verfuegbarkeit?sprache=xx1&kommune={Erbach}");
        using var kommune = await StaffApi.GetAsync("/api/gesundheit/begleitung/verfuegbarkeit?sprache=ar&kommune=06411000");

        Assert.Multiple(async () =>
        {
            Assert.That((await FehlerAsync(sprache)).Keys, Is.EqualTo(new[] { "sprache" }));
            Assert.That((await FehlerAsync(kommune)).Keys, Is.EqualTo(new[] { "kommuneAgs" }));
        });
    }

    [Test]
    public async Task Only_staff_who_manage_the_module_may_ask_and_hand_over_not_a_provider()
    {
        using var anbieter = await ApiAsync("anbieter-begleitung", TestGrant.For("gesundheit.angebote"));
        using var fragen = await anbieter.GetAsync($"/api/gesundheit/begleitung/verfuegbarkeit?sprache=ar&kommune={Erbach}");
        using var uebergeben = await anbieter.PostAsJsonAsync(Uebergaben, Uebergabe(_angebot));
        using var liste = await anbieter.GetAsync(Uebergaben);
        using var seite = await BrowserAsync("anbieter-begleitung-seite", TestGrant.For("gesundheit.angebote"));
        var angebotsseite = await PageForms.TextAsync(seite, $"/gesundheit/verwaltung/angebote/{_angebot}");
        var mitarbeiterSeite = await PageAsync($"/gesundheit/verwaltung/angebote/{_angebot}");

        Assert.Multiple(() =>
        {
            Assert.That(fragen.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(uebergeben.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(liste.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(angebotsseite, Does.Not.Contain("Begleitung durch Lotsen übergeben"));
            Assert.That(mitarbeiterSeite, Does.Contain("Begleitung durch Lotsen übergeben"));
        });
    }

    [Test]
    public async Task Staff_hand_over_through_the_page_after_seeing_the_availability()
    {
        await AktiverLotseAsync(StaffApi, "Georgisch-Michelstadt", "ka", Michelstadt);
        var pfad = $"/gesundheit/verwaltung/begleitung/neu?angebot={_angebot}&sprache=ka&kommune={Michelstadt}";
        var schritt2 = await PageAsync(pfad);
        var vorher = Count("lotsen_uebergaben", "sprache = 'ka' AND kommune_ags = @Michelstadt", new { Michelstadt });

        using var ohneInitialen = await PageForms.SubmitAsync(StaffBrowser, pfad, "uebergabe",
            ("Input.Sprache", "ka"), ("Input.KommuneAgs", Michelstadt), ("Input.Ab", Tag(NaechsterDienstag())));
        var ohneInitialenHtml = WebUtility.HtmlDecode(await ohneInitialen.Content.ReadAsStringAsync());
        using var uebergeben = await PageForms.SubmitAsync(StaffBrowser, pfad, "uebergabe",
            ("Input.Sprache", "ka"), ("Input.KommuneAgs", Michelstadt), ("Input.Initialen", "H. B."), ("Input.Ab", Tag(NaechsterDienstag())));

        Assert.Multiple(async () =>
        {
            Assert.That(schritt2, Does.Contain("1 Lotsin oder Lotse spricht Georgisch in dieser Kommune, frühestens am"));
            Assert.That(PageForms.MessagesAt(ohneInitialenHtml, "id=\"initialen\""), Is.EqualTo(new[] { "Bitte die Initialen der Familie (keinen Namen) angeben." }));
            Assert.That(uebergeben.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await uebergeben.Content.ReadAsStringAsync());
            Assert.That(PageForms.RedirectTarget(uebergeben), Is.EqualTo("/gesundheit/verwaltung/begleitung?gespeichert=uebergeben"));
            Assert.That(Count("lotsen_uebergaben", "sprache = 'ka' AND kommune_ags = @Michelstadt", new { Michelstadt }), Is.EqualTo(vorher + 1));
        });
    }

    private async Task<string> UebergabenAsync(string initialen) => await UebergebenAsync(StaffApi, Uebergabe(_angebot, initialen: initialen));

    private async Task<JsonElement> StandAsync(string korrelation)
    {
        var seite = await StaffApi.GetFromJsonAsync<JsonElement>($"{Uebergaben}?angebot={_angebot}&groesse=200");
        return seite.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("korrelationsId").GetString() == korrelation);
    }

    /// <summary>Every text cell of every table of Gesundheit's database that contains <paramref name="text"/>, as „table.column“.</summary>
    private List<string> TexteMit(string text, bool ohneAusgang)
    {
        using var db = ModuleDatabase();
        var funde = new List<string>();
        foreach (var tabelle in db.Query<string>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"))
        {
            if (ohneAusgang && tabelle == "platform_outbox")
            {
                continue;
            }

            foreach (var spalte in db.Query<string>($"SELECT name FROM pragma_table_info('{tabelle}')"))
            {
                if (db.ExecuteScalar<long>($"SELECT count(*) FROM \"{tabelle}\" WHERE CAST(\"{spalte}\" AS TEXT) LIKE '%' || @text || '%'", new { text }) > 0)
                {
                    funde.Add($"{tabelle}.{spalte}");
                }
            }
        }

        return funde;
    }
}
