using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace IntegrationsPlattform.Modules.Schulungen.Tests.Reichweite;

/// <summary>
/// Sessions, schools and registrations made through the module's API as staff make them, for the figures that count
/// them. Its fixtures run the host at 22:00 of the suite's day (<see cref="Abends"/>), so that a session of this morning is
/// over and still in this month and school year.
/// </summary>
internal sealed class ReichweiteDaten(HttpClient staff)
{
    public const string Erbach = "06437006";
    public const string Michelstadt = "06437011";
    private static int _sequence;

    public static MovableClock Abends() => new(TestClock.Parse($"{TestClock.Today:yyyy-MM-dd}T22:00"));

    public static string NeueAdresse() => $"reichweite{Interlocked.Increment(ref _sequence)}@schule.example.invalid";

    public async Task<string> SchuleAsync(string name, string kommune)
    {
        using var response = await staff.PostAsJsonAsync("/api/schulungen/schulen", new { name, schulart = "igs", kommune });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    /// <summary>An open session of a new published course, through the API; <paramref name="tage"/> from the host's today.</summary>
    public async Task<(string Id, string Kurs)> OffenerTerminAsync(string kommune, int kapazitaet, params int[] tage)
    {
        var kurs = $"Vielfalt im Klassenzimmer {Guid.NewGuid():N}"[..40];
        var termin = SchulungenApi.Termin(await SchulungenApi.KursAsync(staff, kurs, "veroeffentlicht"), kommune, tage);
        termin["kapazitaet"] = kapazitaet;
        termin["zeiten"] = tage.Select(t => SchulungenApi.Zeit(t, "08:00", "12:00")).ToArray();
        var id = await SchulungenApi.TerminAsync(staff, termin);
        await StatusAsync(id, "offen");
        return (id, kurs);
    }

    public async Task StatusAsync(string terminId, string nach)
    {
        using var response = await staff.PostAsJsonAsync($"/api/schulungen/termine/{terminId}/status", new { nach, grund = nach == "abgesagt" ? "Zu wenige Anmeldungen." : null });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await response.Content.ReadAsStringAsync());
    }

    public async Task<string> AnmeldenAsync(string terminId, string email, params string[] schulen)
    {
        using var response = await staff.PostAsJsonAsync($"/api/schulungen/termine/{terminId}/anmeldungen", new { vorname = "Mira", nachname = "Yilmaz", email, schulen });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("anmeldungId").GetString()!;
    }

    /// <summary>This morning's session in Erbach with five attendees, two of them from one school in Michelstadt, held.</summary>
    public async Task<(string Id, List<string> Adressen, string Schule)> GehaltenerTerminAsync()
    {
        var termin = await OffenerTerminAsync(Erbach, 10, 0);
        var schule = await SchuleAsync($"Schule am Reichweitenweg {Guid.NewGuid():N}"[..32], Michelstadt);
        var adressen = Enumerable.Range(0, 5).Select(_ => NeueAdresse()).ToList();
        var anmeldungen = new List<string>();
        for (var i = 0; i < adressen.Count; i++)
        {
            anmeldungen.Add(await AnmeldenAsync(termin.Id, adressen[i], i < 2 ? [schule] : []));
        }

        var zeit = (await staff.GetFromJsonAsync<JsonElement>($"/api/schulungen/termine/{termin.Id}")).GetProperty("zeiten")[0].GetProperty("id").GetString();
        using (var erfasst = await staff.PutAsJsonAsync($"/api/schulungen/termine/{termin.Id}/anwesenheit", new { zeitId = zeit, anwesend = anmeldungen }))
        {
            Assert.That(erfasst.StatusCode, Is.EqualTo(HttpStatusCode.OK).Or.EqualTo(HttpStatusCode.NoContent), await erfasst.Content.ReadAsStringAsync());
        }

        await StatusAsync(termin.Id, "durchgefuehrt");
        return (termin.Id, adressen, schule);
    }
}
