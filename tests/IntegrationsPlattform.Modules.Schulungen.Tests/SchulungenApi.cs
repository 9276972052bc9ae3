using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace IntegrationsPlattform.Modules.Schulungen.Tests;

/// <summary>Test data made through the module's own API, as staff would make it.</summary>
internal static class SchulungenApi
{
    /// <summary>A valid course body; <paramref name="titel"/> must be unique in the host.</summary>
    public static Dictionary<string, object?> Kurs(string titel) => new()
    {
        ["titel"] = titel,
        ["beschreibung"] = "Grundbegriffe, eigene Haltung, Fallbeispiele aus dem Schulalltag.",
        ["lernziele"] = "Diskriminierung erkennen\nHandlungsmöglichkeiten kennen",
        ["zielgruppe"] = "Schulsozialarbeit",
        ["format"] = "praesenz",
        ["unterrichtseinheiten"] = 8,
        ["stunden"] = 6,
        ["voraussetzungen"] = null,
    };

    public static async Task<string> KursAsync(HttpClient staff, string titel, string? status = null)
    {
        using var response = await staff.PostAsJsonAsync("/api/schulungen/kurse", Kurs(titel));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        if (status is not null)
        {
            using var change = await staff.PostAsJsonAsync($"/api/schulungen/kurse/{id}/status", new { nach = status });
            Assert.That(change.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await change.Content.ReadAsStringAsync());
        }

        return id;
    }

    /// <summary>A day relative to the host's today, as the API takes it.</summary>
    public static string Tag(int tageAbHeute) => TestClock.Today.AddDays(tageAbHeute).ToString("yyyy-MM-dd");

    public static object Zeit(int tageAbHeute, string beginn = "09:00", string ende = "16:00", string? ort = "Landratsamt Erbach, Raum 3", string? onlineLink = null)
        => new { tag = Tag(tageAbHeute), beginn, ende, ort, onlineLink };

    /// <summary>A valid session body of <paramref name="kursId"/> in <paramref name="kommune"/> with appointments on these days from today.</summary>
    public static Dictionary<string, object?> Termin(string kursId, string? kommune, params int[] tage) => new()
    {
        ["kursId"] = kursId,
        ["kommune"] = kommune,
        ["kapazitaet"] = 20,
        ["maxWarteliste"] = 5,
        ["anmeldeschluss"] = Tag(tage.Min() - 7),
        ["notiz"] = null,
        ["zeiten"] = tage.Select(t => Zeit(t)).ToArray(),
        ["trainer"] = Array.Empty<string>(),
    };

    public static async Task<string> TerminAsync(HttpClient staff, string kursId, string? kommune, params int[] tage)
        => await TerminAsync(staff, Termin(kursId, kommune, tage));

    public static async Task<string> TerminAsync(HttpClient staff, Dictionary<string, object?> termin)
    {
        using var response = await staff.PostAsJsonAsync("/api/schulungen/termine", termin);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    public static async Task<string> TrainerAsync(HttpClient staff, string name)
    {
        using var response = await staff.PostAsJsonAsync("/api/schulungen/trainer", new { name, email = "trainer@example.invalid" });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    public static IEnumerable<string?> Ids(JsonElement page) => page.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("id").GetString());
}
