using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static IntegrationsPlattform.Modules.Gesundheit.Tests.Testdaten;

namespace IntegrationsPlattform.Modules.Gesundheit.Tests;

/// <summary>Providers through the JSON API: created and changed by staff with contact and municipality, found by search, bad input refused at its field with nothing written.</summary>
public sealed class AnbieterApiTests : GesundheitFixture
{
    private static Dictionary<string, object?> Anbieter(string name) => new()
    {
        ["name"] = name,
        ["beschreibung"] = "Sprachtherapie für Kinder, auch zweisprachig.",
        ["email"] = "praxis@logopaedie-beispiel.de",
        ["telefon"] = "06061 12345",
        ["website"] = "https://logopaedie-beispiel.de",
        ["kommuneAgs"] = Michelstadt,
    };

    private static readonly TestCaseData[] FalscheAnbieter =
    [
        new TestCaseData("name", (Action<Dictionary<string, object?>>)(a => a["name"] = " "), "Bitte den Namen des Anbieters angeben.").SetName("Provider name missing"),
        new TestCaseData("email", (Action<Dictionary<string, object?>>)(a => a["email"] = "praxis.beispiel.de"), "E-Mail").SetName("Provider e-mail without @"),
        new TestCaseData("telefon", (Action<Dictionary<string, object?>>)(a => a["telefon"] = "06061 <b>"), "Die Telefonnummer darf nur Ziffern").SetName("Provider phone with letters"),
        new TestCaseData("website", (Action<Dictionary<string, object?>>)(a => a["website"] = "javascript:alert(1)"), "Bitte die Website als vollständige Adresse angeben").SetName("Provider website not http"),
        new TestCaseData("kommuneAgs", (Action<Dictionary<string, object?>>)(a => a["kommuneAgs"] = "06411000"), "06411000").SetName("Provider municipality outside the Kreis"),
    ];

    [TestCaseSource(nameof(FalscheAnbieter))]
    public async Task A_bad_provider_is_refused_at_the_field_and_nothing_is_written(string feld, Action<Dictionary<string, object?>> verderben, string meldung)
    {
        var body = Anbieter("Logopädie Fehlerfall");
        verderben(body);
        var vorher = Count("anbieter");

        using var response = await StaffApi.PostAsJsonAsync("/api/gesundheit/anbieter", body);
        var fehler = await FehlerAsync(response);

        Assert.Multiple(() =>
        {
            Assert.That(fehler.GetValueOrDefault(feld), Has.Some.Contains(meldung), string.Join(" ", fehler.SelectMany(f => f.Value)));
            Assert.That(Count("anbieter"), Is.EqualTo(vorher));
        });
    }

    [Test]
    public async Task A_provider_is_created_changed_and_found_by_a_part_of_its_name()
    {
        using var angelegt = await StaffApi.PostAsJsonAsync("/api/gesundheit/anbieter", Anbieter("Logopädie am Schlossgarten"));
        Assert.That(angelegt.StatusCode, Is.EqualTo(HttpStatusCode.Created), await angelegt.Content.ReadAsStringAsync());
        var id = (await angelegt.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var geaendert = Anbieter("Logopädie am Schlossgarten Erbach");
        geaendert["telefon"] = "06062 999";
        geaendert["kommuneAgs"] = Erbach;
        geaendert["website"] = null;

        using var gespeichert = await StaffApi.PutAsJsonAsync($"/api/gesundheit/anbieter/{id}", geaendert);
        var anbieter = await StaffApi.GetFromJsonAsync<JsonElement>($"/api/gesundheit/anbieter/{id}");
        var gefunden = await StaffApi.GetFromJsonAsync<JsonElement>("/api/gesundheit/anbieter?suche=schlossGARTEN");
        var prozent = await StaffApi.GetFromJsonAsync<JsonElement>("/api/gesundheit/anbieter?suche=%25");

        Assert.Multiple(() =>
        {
            Assert.That(gespeichert.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(anbieter.GetProperty("name").GetString(), Is.EqualTo("Logopädie am Schlossgarten Erbach"));
            Assert.That(anbieter.GetProperty("telefon").GetString(), Is.EqualTo("06062 999"));
            Assert.That(anbieter.GetProperty("kommuneAgs").GetString(), Is.EqualTo(Erbach));
            Assert.That(anbieter.GetProperty("website").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(gefunden.EnumerateArray().Select(a => a.GetProperty("id").GetString()), Is.EqualTo(new[] { id }));
            Assert.That(prozent.GetArrayLength(), Is.Zero, "a % in the search is a character, not a wildcard");
        });
    }

    [Test]
    public async Task A_change_to_the_name_of_another_provider_is_refused_and_the_provider_keeps_its_own()
    {
        var erster = await AnbieterAsync(StaffApi, "Hebammenpraxis Namenstest");
        var zweiter = await AnbieterAsync(StaffApi, "Kinderturnen Namenstest");

        using var response = await StaffApi.PutAsJsonAsync($"/api/gesundheit/anbieter/{zweiter}", Anbieter("HEBAMMENPRAXIS Namenstest"));
        var fehler = await FehlerAsync(response);
        var danach = await StaffApi.GetFromJsonAsync<JsonElement>($"/api/gesundheit/anbieter/{zweiter}");
        using var eigenerName = await StaffApi.PutAsJsonAsync($"/api/gesundheit/anbieter/{erster}", Anbieter("Hebammenpraxis Namenstest"));

        Assert.Multiple(() =>
        {
            Assert.That(fehler["name"], Is.EqualTo(new[] { "Einen Anbieter mit diesem Namen gibt es schon." }));
            Assert.That(danach.GetProperty("name").GetString(), Is.EqualTo("Kinderturnen Namenstest"));
            Assert.That(eigenerName.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), "a provider keeps its own name");
        });
    }

    [Test]
    public async Task An_unknown_provider_answers_404()
    {
        using var lesen = await StaffApi.GetAsync($"/api/gesundheit/anbieter/{Guid.NewGuid()}");
        using var aendern = await StaffApi.PutAsJsonAsync($"/api/gesundheit/anbieter/{Guid.NewGuid()}", Anbieter("Niemand"));

        Assert.Multiple(() =>
        {
            Assert.That(lesen.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(aendern.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        });
    }
}
