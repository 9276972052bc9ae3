using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace IntegrationsPlattform.Modules.Gesundheit.Tests;

/// <summary>Providers and offers made through the API, as staff or a provider make them.</summary>
internal static class Testdaten
{
    public const string Erbach = "06437006";
    public const string Michelstadt = "06437011";
    public const string Oberzent = "06437014";

    /// <summary>A complete body: German title and description, one place in <paramref name="kommune"/>, a weekly time, two languages.</summary>
    public static Dictionary<string, object?> Angebot(string anbieterId, string kommune = Erbach, string titel = "Impfsprechstunde für Kinder") => new()
    {
        ["anbieterId"] = anbieterId,
        ["kategorie"] = "impfungen",
        ["titel"] = titel,
        ["beschreibung"] = "Beratung und Impfung nach STIKO-Empfehlung, mit Impfpass.",
        ["anmeldung"] = "Telefonisch oder ohne Termin in der Sprechstunde.",
        ["kostenlos"] = true,
        ["alterVonMonate"] = 2,
        ["alterBisMonate"] = 72,
        ["dolmetscherAufAnfrage"] = true,
        ["sprachen"] = new[] { "de", "tr" },
        ["orte"] = new[] { Ort(kommune) },
        ["zeiten"] = new[] { new Dictionary<string, object?> { ["freq"] = "WEEKLY", ["byday"] = "MO,WE", ["von"] = "09:00", ["bis"] = "12:00" } },
    };

    public static Dictionary<string, object?> Ort(string kommune) => new()
    {
        ["name"] = "Gesundheitszentrum",
        ["strasse"] = "Hauptstraße 1",
        ["plz"] = "64711",
        ["ort"] = "Erbach",
        ["kommuneAgs"] = kommune,
        ["stufenlos"] = true,
    };

    public static async Task<string> AnbieterAsync(HttpClient staff, string name)
    {
        using var response = await staff.PostAsJsonAsync("/api/gesundheit/anbieter", new { name, email = "info@praxis-beispiel.de" });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    public static async Task<string> AngebotAsync(HttpClient client, object body)
    {
        using var response = await client.PostAsJsonAsync("/api/gesundheit/angebote", body);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    /// <summary>An offer submitted by its provider and published by staff.</summary>
    public static async Task<string> VeroeffentlichtAsync(HttpClient staff, object body)
    {
        var id = await AngebotAsync(staff, body);
        await ErfolgAsync(staff.PostAsync($"/api/gesundheit/angebote/{id}/einreichen", null));
        await ErfolgAsync(staff.PostAsJsonAsync($"/api/gesundheit/angebote/{id}/pruefung", new { entscheidung = "freigeben" }));
        return id;
    }

    public static async Task ErfolgAsync(Task<HttpResponseMessage> request)
    {
        using var response = await request;
        Assert.That(response.IsSuccessStatusCode, Is.True, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>The field errors of a 400 problem details answer, field → messages.</summary>
    public static async Task<Dictionary<string, string[]>> FehlerAsync(HttpResponseMessage response)
    {
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), await response.Content.ReadAsStringAsync());
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return problem.GetProperty("errors").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(m => m.GetString()!).ToArray());
    }
}
