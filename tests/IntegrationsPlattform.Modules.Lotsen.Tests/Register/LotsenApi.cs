using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IntegrationsPlattform.Modules.Lotsen.Tests.Register;

/// <summary>Request bodies and calls of the registry API shared by the registry tests.</summary>
internal static class LotsenApi
{
    public const string Erbach = "06437006";
    public const string Michelstadt = "06437011";
    public const string BadKoenig = "06437001";

    public static string Tag(int tageZurueck = 3) => TestClock.Today.AddDays(-tageZurueck).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A complete, valid Lotse; tests change what they need.</summary>
    public static JsonObject Gueltig(string nachname, string vorname = "Amira", string[]? sprachen = null, string[]? kommunen = null, string[]? themen = null, string? email = null) => new()
    {
        ["vorname"] = vorname,
        ["nachname"] = nachname,
        ["email"] = email ?? $"{Guid.NewGuid():N}@demo.invalid",
        ["telefon"] = "06062 123456",
        ["wohnortAgs"] = Erbach,
        ["sprachen"] = new JsonArray((sprachen ?? ["ar", "de"]).Select((c, i) => (JsonNode)new JsonObject { ["code"] = c, ["niveau"] = i == 0 ? "muttersprache" : "gut" }).ToArray()),
        ["themen"] = new JsonArray((themen ?? ["behoerden"]).Select(t => (JsonNode)JsonValue.Create(t)!).ToArray()),
        ["kommunen"] = new JsonArray((kommunen ?? [Erbach]).Select(k => (JsonNode)JsonValue.Create(k)!).ToArray()),
        ["verfuegbarkeit"] = new JsonArray(
            new JsonObject { ["wochentag"] = 2, ["von"] = "09:00", ["bis"] = "12:00" },
            new JsonObject { ["wochentag"] = 4, ["von"] = "14:00", ["bis"] = "18:00" }),
        ["vermitteltDurch"] = "ehrenamtsagentur",
        ["einwilligungAm"] = Tag(),
    };

    public static StringContent Json(JsonNode body) => new(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");

    public static async Task<string> AnlegenAsync(HttpClient client, JsonObject body)
    {
        using var response = await client.PostAsync("/api/lotsen/lotsen", Json(body));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    public static async Task<HttpResponseMessage> StatusAsync(HttpClient client, string id, string status, string? grund = null)
        => await client.PostAsJsonAsync($"/api/lotsen/lotsen/{id}/status", new { status, grund });

    public static async Task<HttpResponseMessage> QualifikationAsync(HttpClient client, string id, string art = "basisqualifizierung", string? datum = null, string anbieter = "Land Hessen, WIR-Programm")
        => await client.PostAsJsonAsync($"/api/lotsen/lotsen/{id}/qualifikationen", new { art, datum = datum ?? Tag(10), anbieter });

    public static async Task<JsonElement> SucheAsync(HttpClient client, string query)
    {
        using var response = await client.GetAsync("/api/lotsen/lotsen?" + query);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static IReadOnlyList<string> Namen(JsonElement seite)
        => seite.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("vorname").GetString()!).OrderBy(n => n, StringComparer.Ordinal).ToList();

    public static async Task<JsonElement> AuditAsync(HttpClient admin, string q)
        => await admin.GetFromJsonAsync<JsonElement>("/api/admin/audit?q=" + Uri.EscapeDataString(q));
}
