using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Dapper;
using IntegrationsPlattform.Modules.Gesundheit.Domain;

namespace IntegrationsPlattform.Modules.Gesundheit.Tests.Import;

/// <summary>Opening times in an offer list: read as people write them into the RFC 5545 parts of the offer, imported with the offer, an unreadable one named in the preview.</summary>
[TestFixture]
public sealed class ImportZeitenTests : ModuleFixture
{
    private HttpClient staff = null!;

    protected override string ModuleId => "Gesundheit";

    [OneTimeSetUp]
    public async Task CreateStaffAsync()
        => staff = await ApiAsync("gesundheit-import-zeiten", TestGrant.For("gesundheit.verwalten"), TestGrant.For("gesundheit.angebote"));

    [OneTimeTearDown]
    public void DisposeClient() => staff.Dispose();

    [TestCase("Mo, Mi 09:00-12:00", "WEEKLY", "MO,WE", null, "09:00", "12:00")]
    [TestCase("Mo-Fr 8-12 Uhr", "WEEKLY", "MO,TU,WE,TH,FR", null, "08:00", "12:00")]
    [TestCase("Dienstag und Donnerstag 14.30 – 16", "WEEKLY", "TU,TH", null, "14:30", "16:00")]
    [TestCase("1. Di 10:00-13:00", "MONTHLY", "1TU", null, "10:00", "13:00")]
    [TestCase("letzter Fr 15-17", "MONTHLY", "-1FR", null, "15:00", "17:00")]
    [TestCase("24.03.2027 14:00-16:00", null, null, "2027-03-24", "14:00", "16:00")]
    public void AnEntryIsReadIntoTheRuleOfTheOfferForm(string eintrag, string? freq, string? byday, string? datum, string von, string bis)
    {
        Assert.That(Oeffnungszeitangaben.Lesen(eintrag), Is.EqualTo(new Zeitangabe(freq, byday, datum, von, bis)));
    }

    [TestCase("montags")]
    [TestCase("Mo 25:00-26:00")]
    [TestCase("Fr-Mo 9-12")]
    [TestCase("5. Di 9-12")]
    [TestCase("Feiertag 9-12")]
    public void WhatIsNoOpeningTimeIsNotRead(string eintrag)
    {
        Assert.That(Oeffnungszeitangaben.Lesen(eintrag), Is.Null);
    }

    [Test]
    public void ACellHoldsSeveralEntriesSeparatedBySemicolons()
    {
        Assert.That(Oeffnungszeitangaben.Eintraege(" Mo 9-12 ;; 1. Di 15-17 "), Is.EqualTo(new[] { "Mo 9-12", "1. Di 15-17" }));
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> SendeAsync(string anbieter, string zeiten, bool probelauf)
    {
        var datei = Encoding.UTF8.GetBytes($"Titel;Anbieter;Kategorie;Öffnungszeiten\r\nSprechstunde;{anbieter};Impfungen;\"{zeiten}\"\r\n");
        var inhalt = new ByteArrayContent(datei);
        inhalt.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        using var response = await staff.PostAsync($"/api/gesundheit/import/angebote?probelauf={(probelauf ? "true" : "false")}", inhalt);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private static string NeuerAnbieter() => "Zeitenpraxis " + Guid.NewGuid().ToString("N")[..8];

    [Test]
    public async Task TheImportedOfferHasTheOpeningTimesOfItsRow()
    {
        var anbieter = NeuerAnbieter();

        var (vorschauStatus, vorschau) = await SendeAsync(anbieter, "Mo, Mi 09:00-12:00; 1. Di 15-17 Uhr", probelauf: true);
        var (status, ergebnis) = await SendeAsync(anbieter, "Mo, Mi 09:00-12:00; 1. Di 15-17 Uhr", probelauf: false);
        using var db = ModuleDatabase();
        var zeiten = db.Query<(string Freq, string Byday, string Von, string Bis)>("""
            SELECT z.freq, z.byday, z.opens_at, z.closes_at FROM oeffnungszeiten z
            JOIN angebote a ON a.id = z.angebot_id JOIN anbieter n ON n.id = a.anbieter_id
            WHERE n.name = @anbieter AND z.fassung = 'arbeit' ORDER BY z.freq DESC
            """, new { anbieter }).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(vorschauStatus, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(vorschau.GetProperty("zeilen")[0].GetProperty("werte").GetProperty("Öffnungszeiten").GetString(),
                Is.EqualTo("Mo, Mi 09:00–12:00 Uhr; 1. Di im Monat 15:00–17:00 Uhr"));
            Assert.That(status, Is.EqualTo(HttpStatusCode.OK), ergebnis.ToString());
            Assert.That(zeiten, Is.EqualTo(new[] { ("WEEKLY", "MO,WE", "09:00", "12:00"), ("MONTHLY", "1TU", "15:00", "17:00") }));
        });
    }

    [Test]
    public async Task AnUnreadableTimeIsNamedInThePreviewAtTheColumn()
    {
        var (_, vorschau) = await SendeAsync(NeuerAnbieter(), "Mo 9-12; Feiertag 9-12", probelauf: true);

        Assert.That(vorschau.GetProperty("zeilen")[0].GetProperty("fehler").EnumerateArray().Select(f => f.GetString()),
            Has.Some.StartWith("Öffnungszeiten: „Feiertag 9-12“ ist keine lesbare Öffnungszeit."));
    }

    [Test]
    public async Task ATimeEndingBeforeItStartsIsRefusedAtTheColumnAndNothingIsWritten()
    {
        var anbieter = NeuerAnbieter();

        var (_, vorschau) = await SendeAsync(anbieter, "Mo 12-9", probelauf: true);
        var (status, _) = await SendeAsync(anbieter, "Mo 12-9", probelauf: false);

        Assert.Multiple(() =>
        {
            Assert.That(vorschau.GetProperty("zeilen")[0].GetProperty("fehler").EnumerateArray().Select(f => f.GetString()), Has.Some.StartWith("Öffnungszeiten: "));
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(Count("anbieter", "name = @anbieter", new { anbieter }), Is.Zero);
        });
    }
}
