using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;

namespace IntegrationsPlattform.Modules.Lotsen.Tests;

/// <summary>
/// A Träger agreement with a planned end: on the day after it, every read treats it as ended (coverage,
/// detail, list, follow-up possible), the daily job <c>Lotsen.vereinbarungen</c> — run through the host's
/// scheduler on a moved clock whose timers stand still — records the end once with a history entry, and a
/// follow-up Träger can take the municipality, also before the job ran. The clock only moves forward;
/// every test works relative to it and signs in afresh after moving it (tokens follow the clock).
/// </summary>
public sealed class VereinbarungsendeTests : LotsenFixture
{
    private const string JobKey = "Lotsen.vereinbarungen";
    private const string Brensbach = "06437003";
    private const string Breuberg = "06437004";
    private const string Luetzelbach = "06437010";
    private const string Mossautal = "06437012";
    private const string Reichelsheim = "06437013";
    private const string Oberzent = "06437014";

    private readonly MovableClock _clock = new() { StillTimers = true };

    protected override MovableClock Clock => _clock;

    private DateOnly Heute => _clock.Today;

    [Test]
    public async Task On_the_day_after_its_planned_end_an_agreement_counts_as_ended_and_the_job_records_it_once()
    {
        var staff = await StaffAsync();
        var beginn = Heute;
        var alt = await TraegerApi.InterestedAsync(staff, "Auslaufend e. V.", [Mossautal]);
        var vereinbarung = await TraegerApi.AgreementAsync(staff, alt, [Mossautal], beginn: Iso(beginn.AddDays(-30)), ende: Iso(beginn.AddDays(10)));
        var neu = await TraegerApi.InterestedAsync(staff, "Nachfolge Mossautal e. V.", [Mossautal]);
        using var zuFrueh = await TraegerApi.PostAgreementAsync(staff, neu, [Mossautal], beginn: Iso(beginn));

        // The planned end is the last day the agreement runs.
        _clock.Now = _clock.Now.AddDays(10);
        staff = await StaffAsync();
        var amLetztenTag = await InhaberAsync(staff, Mossautal);

        _clock.Now = _clock.Now.AddDays(1);
        staff = await StaffAsync();
        var danachInhaber = await InhaberAsync(staff, Mossautal);
        var detail = await staff.GetFromJsonAsync<JsonElement>($"/api/lotsen/traeger/{alt}");
        var liste = await staff.GetFromJsonAsync<JsonElement>("/api/lotsen/traeger?suche=Auslaufend");
        var vorDemJob = (Count("vereinbarungen", "id = @vereinbarung AND beendet_am IS NULL", new { vereinbarung }), Count("vereinbarung_kommunen", "vereinbarung_id = @vereinbarung AND aktiv = 1", new { vereinbarung }));

        Assert.Multiple(() =>
        {
            Assert.That(zuFrueh.StatusCode, Is.EqualTo(HttpStatusCode.Conflict), "while it runs, Mossautal is taken");
            Assert.That(amLetztenTag, Is.EqualTo("Auslaufend e. V."), "still active on the day of its planned end");
            Assert.That(vorDemJob, Is.EqualTo((1L, 1L)), "the job has not run yet: nothing is recorded");
            Assert.That(danachInhaber, Is.Null, "the coverage treats it as ended already");
            Assert.That(detail.GetProperty("vereinbarungen")[0].GetProperty("aktiv").GetBoolean(), Is.False);
            Assert.That(detail.GetProperty("vereinbarungMoeglich").GetBoolean(), Is.True, "a follow-up agreement is offered");
            Assert.That(liste.GetProperty("rows")[0].GetProperty("aktiveKommunen").GetArrayLength(), Is.Zero);
        });

        var erster = await RunJobAsync();
        var zweiter = await RunJobAsync();
        using var beenden = await staff.PostAsJsonAsync($"/api/lotsen/traeger/{alt}/vereinbarungen/{vereinbarung}/beenden", new { ende = Iso(Heute) });
        var nachfolge = await TraegerApi.AgreementAsync(staff, neu, [Mossautal], beginn: Iso(Heute));
        var verlauf = (await staff.GetFromJsonAsync<JsonElement>($"/api/lotsen/traeger/{alt}")).GetProperty("verlauf");

        Assert.Multiple(async () =>
        {
            Assert.That(erster, Does.Match(@"^[1-9]\d* Vereinbarungen? zum geplanten Ende beendet$"));
            Assert.That(zweiter, Is.EqualTo("0 Vereinbarungen zum geplanten Ende beendet"), "a second run finds nothing left");
            Assert.That(Count("vereinbarungen", "id = @vereinbarung AND beendet_am IS NOT NULL AND ende = @ende", new { vereinbarung, ende = Iso(beginn.AddDays(10)) }), Is.EqualTo(1));
            Assert.That(Count("vereinbarung_kommunen", "vereinbarung_id = @vereinbarung AND aktiv = 1", new { vereinbarung }), Is.Zero);
            Assert.That(Count("traeger_status_verlauf", "traeger_id = @alt AND grund LIKE '%ausgelaufen%'", new { alt }), Is.EqualTo(1), "one history entry, however often the job runs");
            Assert.That(verlauf[0].GetProperty("durch").GetString(), Is.EqualTo("System"));
            Assert.That(verlauf[0].GetProperty("nach").GetString(), Is.EqualTo("vereinbart"), "the status stays; a follow-up agreement is possible");
            Assert.That(verlauf[0].GetProperty("grund").GetString(), Is.EqualTo(
                $"Vereinbarung ab {Tag(beginn.AddDays(-30))} zum geplanten Ende am {Tag(beginn.AddDays(10))} ausgelaufen; frei für einen anderen Träger: Mossautal"));
            Assert.That(beenden.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(await beenden.Content.ReadAsStringAsync(), Does.Contain($"schon beendet (zum {Tag(beginn.AddDays(10))})"));
            Assert.That(nachfolge, Is.Not.Null);
            Assert.That(await InhaberAsync(staff, Mossautal), Is.EqualTo("Nachfolge Mossautal e. V."));
            Assert.That(Count("vereinbarung_kommunen", "ags = @ags AND aktiv = 1", new { ags = Mossautal }), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_follow_up_Traeger_takes_the_municipality_the_day_after_the_planned_end_before_the_job_ran()
    {
        var staff = await StaffAsync();
        var kurz = await TraegerApi.InterestedAsync(staff, "Kurzzeit gGmbH", [Brensbach]);
        var vereinbarung = await TraegerApi.AgreementAsync(staff, kurz, [Brensbach], beginn: Iso(Heute.AddDays(-5)), ende: Iso(Heute.AddDays(1)));
        var anschluss = await TraegerApi.InterestedAsync(staff, "Anschluss gGmbH", [Brensbach]);

        _clock.Now = _clock.Now.AddDays(2);
        staff = await StaffAsync();
        using var folge = await TraegerApi.PostAgreementAsync(staff, anschluss, [Brensbach], beginn: Iso(Heute));
        using var zurueck = await TraegerApi.PostAgreementAsync(staff, kurz, [Brensbach], beginn: Iso(Heute));

        Assert.Multiple(async () =>
        {
            Assert.That(folge.StatusCode, Is.EqualTo(HttpStatusCode.Created), await folge.Content.ReadAsStringAsync());
            Assert.That(Count("vereinbarungen", "id = @vereinbarung AND beendet_am IS NOT NULL", new { vereinbarung }), Is.EqualTo(1), "the command recorded the end first");
            Assert.That(Count("traeger_status_verlauf", "traeger_id = @kurz AND grund LIKE '%ausgelaufen%'", new { kurz }), Is.EqualTo(1));
            Assert.That(zurueck.StatusCode, Is.EqualTo(HttpStatusCode.Conflict), "its own follow-up finds Brensbach taken by the new Träger");
            Assert.That(await zurueck.Content.ReadAsStringAsync(), Does.Contain("Anschluss gGmbH"));
            Assert.That(await InhaberAsync(staff, Brensbach), Is.EqualTo("Anschluss gGmbH"));
        });
    }

    [Test]
    public async Task The_job_and_a_follow_up_agreement_racing_end_the_agreement_once()
    {
        var staff = await StaffAsync();
        var alt = await TraegerApi.InterestedAsync(staff, "Wettlauf Ende alt", [Oberzent]);
        await TraegerApi.AgreementAsync(staff, alt, [Oberzent], beginn: Iso(Heute.AddDays(-5)), ende: Iso(Heute));
        var neu = await TraegerApi.InterestedAsync(staff, "Wettlauf Ende neu", [Oberzent]);

        _clock.Now = _clock.Now.AddDays(1);
        staff = await StaffAsync();
        using var admin = await Host.ApiClientAsync(PlatformHost.AdminUser, PlatformHost.AdminPassword);
        var job = admin.PostAsync($"/api/admin/jobs/{JobKey}/run", null);
        var folge = TraegerApi.PostAgreementAsync(staff, neu, [Oberzent], beginn: Iso(Heute));
        await Task.WhenAll(job, folge);
        using var jobAntwort = job.Result;
        using var folgeAntwort = folge.Result;
        var lauf = await jobAntwort.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Multiple(() =>
        {
            Assert.That(lauf.GetProperty("succeeded").GetInt64(), Is.EqualTo(1), lauf.ToString());
            Assert.That(folgeAntwort.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(Count("traeger_status_verlauf", "traeger_id = @alt AND grund LIKE '%ausgelaufen%'", new { alt }), Is.EqualTo(1), "ended once, by whichever came first");
            Assert.That(Count("vereinbarung_kommunen", "ags = @ags AND aktiv = 1", new { ags = Oberzent }), Is.EqualTo(1));
        });
    }

    [TestCase(-1, HttpStatusCode.BadRequest, Breuberg)]
    [TestCase(0, HttpStatusCode.Created, Luetzelbach)]
    public async Task A_new_agreement_may_not_have_ended_already(int endeInTagen, HttpStatusCode erwartet, string kommune)
    {
        var staff = await StaffAsync();
        var id = await TraegerApi.InterestedAsync(staff, $"Vergangen {endeInTagen} e. V.", [kommune]);
        using var response = await TraegerApi.PostAgreementAsync(staff, id, [kommune], beginn: Iso(Heute.AddDays(-100)), ende: Iso(Heute.AddDays(endeInTagen)));
        var text = await response.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(erwartet), text);
            if (erwartet == HttpStatusCode.BadRequest)
            {
                Assert.That(JsonDocument.Parse(text).RootElement.GetProperty("errors").GetProperty("ende")[0].GetString(), Does.Contain("liegt in der Vergangenheit"));
                Assert.That(Count("vereinbarungen", "traeger_id = @id", new { id }), Is.Zero);
                Assert.That(Count("traeger", "id = @id AND status = 'interessiert'", new { id }), Is.EqualTo(1));
            }
        });
    }

    [Test]
    public async Task The_pages_show_the_planned_end_and_then_the_municipality_free_and_the_agreement_ended()
    {
        var staff = await StaffAsync();
        var id = await TraegerApi.InterestedAsync(staff, "Seitenende e. V.", [Reichelsheim]);
        var ende = Heute.AddDays(3);
        await TraegerApi.AgreementAsync(staff, id, [Reichelsheim], beginn: Iso(Heute.AddDays(-10)), ende: Iso(ende));
        using (var browser = await Host.SignedInClientAsync(PlatformHost.StaffUser, PlatformHost.StaffPassword))
        {
            var detail = await PageForms.TextAsync(browser, $"/lotsen/traeger/{id}");
            var liste = await PageForms.TextAsync(browser, "/lotsen/traeger");
            Assert.Multiple(() =>
            {
                Assert.That(detail, Does.Contain($"bis {Tag(ende)} (aktiv; endet danach von selbst und gibt die Kommunen frei)"));
                Assert.That(detail, Does.Contain("Vereinbarung beenden</button>"));
                Assert.That(AbdeckungZeile(liste, "Reichelsheim (Odenwald)"), Does.Contain("Seitenende e. V.").And.Contain(Tag(ende)));
            });
        }

        _clock.Now = _clock.Now.AddDays(4);
        using (var browser = await Host.SignedInClientAsync(PlatformHost.StaffUser, PlatformHost.StaffPassword))
        {
            var detail = await PageForms.TextAsync(browser, $"/lotsen/traeger/{id}");
            var liste = await PageForms.TextAsync(browser, "/lotsen/traeger");
            await RunJobAsync();
            var nachDemJob = await PageForms.TextAsync(browser, $"/lotsen/traeger/{id}");
            Assert.Multiple(() =>
            {
                Assert.That(detail, Does.Contain($"(beendet: geplantes Ende {Tag(ende)} erreicht)"));
                Assert.That(detail, Does.Not.Contain("Vereinbarung beenden</button>"));
                Assert.That(detail, Does.Contain("Vereinbarung erfassen (Status: unterzeichnet)"), "a follow-up agreement is offered");
                Assert.That(AbdeckungZeile(liste, "Reichelsheim (Odenwald)"), Does.Contain("noch kein Träger"));
                Assert.That(nachDemJob, Does.Contain("(beendet am "));
                Assert.That(nachDemJob, Does.Contain($"zum geplanten Ende am {Tag(ende)} ausgelaufen; frei für einen anderen Träger: Reichelsheim (Odenwald)"));
            });
        }
    }

    // --- helpers ---

    /// <summary>Staff with a token of the clock's present (tokens follow the host's clock).</summary>
    private async Task<HttpClient> StaffAsync() => await Host.ApiClientAsync(PlatformHost.StaffUser, PlatformHost.StaffPassword);

    private static async Task<string?> InhaberAsync(HttpClient staff, string ags)
        => (await staff.GetFromJsonAsync<JsonElement>("/api/lotsen/traeger/abdeckung")).EnumerateArray()
            .Single(k => k.GetProperty("ags").GetString() == ags).GetProperty("traeger").GetString();

    private async Task<string> RunJobAsync()
    {
        using var admin = await Host.ApiClientAsync(PlatformHost.AdminUser, PlatformHost.AdminPassword);
        using var response = await admin.PostAsync($"/api/admin/jobs/{JobKey}/run", null);
        var run = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), run.ToString());
        Assert.That(run.GetProperty("succeeded").GetInt64(), Is.EqualTo(1), run.ToString());
        return run.GetProperty("result").GetString()!;
    }

    /// <summary>The row of the coverage table for one municipality.</summary>
    private static string AbdeckungZeile(string html, string kommune)
    {
        var start = html.IndexOf($"<th scope=\"row\">{kommune}</th>", StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThanOrEqualTo(0), kommune);
        return html[start..html.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }

    private static string Iso(DateOnly tag) => tag.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Tag(DateOnly tag) => tag.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
}
