using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace IntegrationsPlattform.Modules.Gesundheit.Tests.Begleitung;

/// <summary>Lotsen made through the Lotsen module's own API (as its staff make them), and hand-overs as Gesundheit's staff make them.</summary>
internal static class BegleitungTestdaten
{
    public const string Uebergaben = "/api/gesundheit/begleitung/uebergaben";

    /// <summary>An active Lotse with the Basisqualifizierung who speaks <paramref name="sprache"/> in <paramref name="kommune"/>, on Tuesday mornings, for health topics.</summary>
    public static async Task<string> AktiverLotseAsync(HttpClient staff, string nachname, string sprache, string kommune)
    {
        using var angelegt = await staff.PostAsJsonAsync("/api/lotsen/lotsen", new
        {
            vorname = "Test",
            nachname,
            email = $"{Guid.NewGuid():N}@lotsen.invalid",
            wohnortAgs = kommune,
            sprachen = new[] { new { code = sprache, niveau = "muttersprache" } },
            themen = new[] { "gesundheit" },
            kommunen = new[] { kommune },
            verfuegbarkeit = new[] { new { wochentag = 2, von = "09:00", bis = "12:00" } },
            vermitteltDurch = "ehrenamtsagentur",
            einwilligungAm = Tag(TestClock.Today.AddDays(-3)),
        });
        Assert.That(angelegt.StatusCode, Is.EqualTo(HttpStatusCode.Created), await angelegt.Content.ReadAsStringAsync());
        var id = (await angelegt.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        await Testdaten.ErfolgAsync(staff.PostAsJsonAsync($"/api/lotsen/lotsen/{id}/qualifikationen", new { art = "basisqualifizierung", datum = Tag(TestClock.Today.AddDays(-10)), anbieter = "Land Hessen" }));
        await Testdaten.ErfolgAsync(staff.PostAsJsonAsync($"/api/lotsen/lotsen/{id}/status", new { status = "in_schulung" }));
        await Testdaten.ErfolgAsync(staff.PostAsJsonAsync($"/api/lotsen/lotsen/{id}/status", new { status = "aktiv" }));
        return id;
    }

    /// <summary>A complete hand-over of a family to the Lotsen; tests change what they are about.</summary>
    public static Dictionary<string, object?> Uebergabe(string angebotId, string sprache = "ka", string kommune = Testdaten.Erbach, string initialen = "Q. Z.") => new()
    {
        ["angebotId"] = angebotId,
        ["sprache"] = sprache,
        ["kommuneAgs"] = kommune,
        ["initialen"] = initialen,
        ["ab"] = Tag(NaechsterDienstag()),
    };

    /// <summary>The next Tuesday at least a week ahead: a day the test Lotse offers, inside every wished period here.</summary>
    public static DateOnly NaechsterDienstag()
    {
        var tag = TestClock.Today.AddDays(7);
        while (tag.DayOfWeek != DayOfWeek.Tuesday)
        {
            tag = tag.AddDays(1);
        }

        return tag;
    }

    public static string Tag(DateOnly tag) => tag.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static async Task<string> UebergebenAsync(HttpClient staff, object body)
    {
        using var response = await staff.PostAsJsonAsync(Uebergaben, body);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("korrelationsId").GetString()!;
    }
}
