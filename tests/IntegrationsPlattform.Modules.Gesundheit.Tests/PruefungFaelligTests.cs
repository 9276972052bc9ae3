using System.Net.Http.Json;
using System.Text.Json;
using static IntegrationsPlattform.Modules.Gesundheit.Tests.Testdaten;

namespace IntegrationsPlattform.Modules.Gesundheit.Tests;

/// <summary>Offers not reviewed for 12 months are flagged on the staff list, by the host's clock; a review clears the flag.</summary>
public sealed class PruefungFaelligTests : GesundheitFixture
{
    protected override MovableClock Clock { get; } = new() { StillTimers = true };

    [Test]
    public async Task A_published_offer_is_flagged_a_year_after_its_review_until_staff_confirm_it()
    {
        var anbieter = await AnbieterAsync(StaffApi, "Ergotherapie Odenwald");
        var id = await VeroeffentlichtAsync(StaffApi, Angebot(anbieter, titel: "Motorik-Gruppe"));
        var frisch = await FaelligAsync(StaffApi);

        Clock.Advance(TimeSpan.FromDays(366));
        // A year later the sessions of the fixture have long expired: staff sign in again.
        using var staff = await Host.ApiClientAsync(PlatformHost.StaffUser, PlatformHost.StaffPassword);
        using var browser = await Host.SignedInClientAsync(PlatformHost.StaffUser, PlatformHost.StaffPassword);
        var nachEinemJahr = await FaelligAsync(staff);
        var seite = await PageForms.TextAsync(browser, "/gesundheit/verwaltung/angebote?faellig=true");
        await ErfolgAsync(staff.PostAsJsonAsync($"/api/gesundheit/angebote/{id}/pruefung", new { entscheidung = "freigeben" }));
        var bestaetigt = await FaelligAsync(staff);

        Assert.Multiple(() =>
        {
            Assert.That(frisch, Does.Not.Contain(id));
            Assert.That(nachEinemJahr, Does.Contain(id));
            Assert.That(seite, Does.Contain("Motorik-Gruppe").And.Contain("Prüfung fällig"));
            Assert.That(bestaetigt, Does.Not.Contain(id));
        });
    }

    private static async Task<IReadOnlyList<string?>> FaelligAsync(HttpClient staff)
    {
        var liste = await staff.GetFromJsonAsync<JsonElement>("/api/gesundheit/angebote?faellig=true&groesse=200");
        return liste.GetProperty("rows").EnumerateArray().Where(r => r.GetProperty("pruefungFaellig").GetBoolean()).Select(r => r.GetProperty("id").GetString()).ToList();
    }
}
