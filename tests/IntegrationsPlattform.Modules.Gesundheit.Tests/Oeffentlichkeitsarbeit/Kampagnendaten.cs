using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static IntegrationsPlattform.Modules.Gesundheit.Tests.Testdaten;

namespace IntegrationsPlattform.Modules.Gesundheit.Tests.Oeffentlichkeitsarbeit;

/// <summary>Campaigns and hand-outs made through the API, dated from the host's clock.</summary>
internal static class Kampagnendaten
{
    public static string Tag(DateOnly tag) => tag.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static Dictionary<string, object?> Kampagne(string titel, DateOnly beginn, params string[] kommunen) => new()
    {
        ["titel"] = titel,
        ["beschreibung"] = "Elternbriefe in den Sprachen der Familien.",
        ["beginn"] = Tag(beginn),
        ["ende"] = Tag(beginn.AddDays(30)),
        ["kommunen"] = kommunen.Length == 0 ? new[] { Erbach } : kommunen,
    };

    public static Dictionary<string, object?> Ausgabe(DateOnly datum, string kommune = Erbach, string? kampagneId = null) => new()
    {
        ["material"] = "Flyer U-Untersuchungen",
        ["sprachen"] = new[] { "ar", "tr" },
        ["einrichtungArt"] = "kita",
        ["einrichtung"] = "Kita Regenbogen",
        ["kommuneAgs"] = kommune,
        ["anzahl"] = 40,
        ["datum"] = Tag(datum),
        ["kampagneId"] = kampagneId,
    };

    public static async Task<string> AnlegenAsync(HttpClient staff, string pfad, object body)
    {
        using var response = await staff.PostAsJsonAsync(pfad, body);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    public static Task<string> KampagneAsync(HttpClient staff, object body) => AnlegenAsync(staff, "/api/gesundheit/kampagnen", body);

    public static Task<string> AusgabeAsync(HttpClient staff, object body) => AnlegenAsync(staff, "/api/gesundheit/materialausgaben", body);

    public static Task<HttpResponseMessage> StatusAsync(HttpClient staff, string id, string status, string? grund = null)
        => staff.PostAsJsonAsync($"/api/gesundheit/kampagnen/{id}/status", new { status, grund });
}
