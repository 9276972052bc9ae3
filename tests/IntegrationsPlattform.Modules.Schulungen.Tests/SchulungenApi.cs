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

    public static IEnumerable<string?> Ids(JsonElement page) => page.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("id").GetString());
}
