using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace IntegrationsPlattform.Modules.Lotsen.Tests;

/// <summary>Calls of the Träger API shared by the Träger and agreement tests.</summary>
internal static class TraegerApi
{
    public static async Task<string> CreateAsync(HttpClient client, string name, string[] kommunen, string? ansprechperson = null, string? email = null, string? telefon = null)
    {
        using var response = await client.PostAsJsonAsync("/api/lotsen/traeger", new { name, kommunen, ansprechperson, email, telefon });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    public static async Task ChangeStatusAsync(HttpClient client, string id, string nach, string? grund = null)
    {
        using var response = await client.PostAsJsonAsync($"/api/lotsen/traeger/{id}/status", new { nach, grund });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await response.Content.ReadAsStringAsync());
    }

    /// <summary>A candidate taken through the lifecycle to "interessiert", ready for an agreement.</summary>
    public static async Task<string> InterestedAsync(HttpClient client, string name, string[] kommunen)
    {
        var id = await CreateAsync(client, name, kommunen);
        await ChangeStatusAsync(client, id, "kontaktiert");
        await ChangeStatusAsync(client, id, "interessiert");
        return id;
    }

    /// <summary>Records an agreement (must succeed) and returns its id.</summary>
    public static async Task<string> AgreementAsync(HttpClient client, string id, string[] kommunen, string? foerderung = null, string beginn = "2025-01-01", string? ende = null)
    {
        using var response = await PostAgreementAsync(client, id, kommunen, beginn, ende, foerderung);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    public static Task<HttpResponseMessage> PostAgreementAsync(HttpClient client, string id, string[] kommunen, string beginn = "2025-01-01", string? ende = null, string? foerderung = null)
        => client.PostAsJsonAsync($"/api/lotsen/traeger/{id}/vereinbarungen", new { beginn, ende, kommunen, foerderung });
}
