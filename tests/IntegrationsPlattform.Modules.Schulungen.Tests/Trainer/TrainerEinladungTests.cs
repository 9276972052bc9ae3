using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IntegrationsPlattform.Modules.Schulungen.Tests.Nachweis;
using Microsoft.AspNetCore.Mvc.Testing;

namespace IntegrationsPlattform.Modules.Schulungen.Tests.Trainer;

/// <summary>
/// Trainers are invited accounts: staff invite a trainer record's person, she chooses user name and password on the
/// mailed link, and her new account reaches exactly the sessions the record leads — through HTTP as she would use it.
/// </summary>
public sealed class TrainerEinladungTests : SchulungenFixture
{
    private const string Passwort = "Trainerin-Konto-2026";
    private int _nummer;

    private async Task<(string Id, string Email)> TrainerAsync(string name)
    {
        var email = $"trainerin{Interlocked.Increment(ref _nummer)}@schulungen.invalid";
        using var response = await StaffApi.PostAsJsonAsync("/api/schulungen/trainer", new { name, email });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return ((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!, email);
    }

    private async Task AnnehmenAsync(string email, string benutzername)
    {
        using var besucher = Host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var link = Host.LinkInLastMail(email, "/einladung/");
        using var angenommen = await PageForms.SubmitAsync(besucher, link, "einladung", ("Input.UserName", benutzername), ("Input.Password", Passwort), ("Input.PasswordRepeat", Passwort));
        Assert.That(PageForms.RedirectTarget(angenommen), Is.EqualTo("/account/login?hinweis=konto-angelegt"));
    }

    [Test]
    public async Task The_invited_trainer_sees_and_records_her_own_session_and_no_other()
    {
        var (trainerId, email) = await TrainerAsync("Dana Eingeladen");
        using var einladung = await StaffApi.PostAsync($"/api/schulungen/trainer/{trainerId}/einladung", null);
        var mail = Host.MailsTo(email).Single();
        await AnnehmenAsync(email, "dana.eingeladen");

        using var db = ModuleDatabase();
        var eigener = NachweisDaten.Termin(db, Clock, trainerKonto: "dana.eingeladen");
        var fremder = NachweisDaten.Termin(db, Clock, trainerKonto: "eine-andere-trainerin");
        var eigeneAnmeldung = NachweisDaten.Anmeldung(db, Clock, eigener.Id, "Aylin", "Demir");
        using var trainerin = await Host.ApiClientAsync("dana.eingeladen", Passwort);
        var liste = await trainerin.GetFromJsonAsync<JsonElement>("/api/schulungen/anwesenheit");
        using var eigenerAbruf = await trainerin.GetAsync($"/api/schulungen/termine/{eigener.Id}");
        using var fremderAbruf = await trainerin.GetAsync($"/api/schulungen/termine/{fremder.Id}");
        using var erfasst = await trainerin.PutAsJsonAsync($"/api/schulungen/termine/{eigener.Id}/anwesenheit", new { zeitId = eigener.Zeiten[0], anwesend = new[] { eigeneAnmeldung } });
        var trainerListe = await StaffApi.GetFromJsonAsync<JsonElement>("/api/schulungen/trainer");

        Assert.Multiple(() =>
        {
            Assert.That(einladung.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(mail.TextBody, Does.Contain("Guten Tag Dana Eingeladen").And.Contain("„Trainerin/Trainer Schulungen“ (nur eigene Datensätze)"));
            Assert.That(liste.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("terminId").GetString()), Is.EqualTo(new[] { eigener.Id }));
            Assert.That(eigenerAbruf.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(fremderAbruf.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(erfasst.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(Count("trainer", "id = @trainerId AND benutzername = 'dana.eingeladen' AND konto_id IS NOT NULL", new { trainerId }), Is.EqualTo(1));
            Assert.That(trainerListe.EnumerateArray().Single(t => t.GetProperty("id").GetString() == trainerId).GetProperty("mitKonto").GetBoolean(), Is.True);
        });
    }

    [Test]
    public async Task A_trainer_with_an_account_is_not_invited_again_and_trainers_invite_nobody()
    {
        var (trainerId, email) = await TrainerAsync("Mira Doppelt");
        using (var erste = await StaffApi.PostAsync($"/api/schulungen/trainer/{trainerId}/einladung", null))
        {
            Assert.That(erste.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        }

        await AnnehmenAsync(email, "mira.doppelt");
        using var zweite = await StaffApi.PostAsync($"/api/schulungen/trainer/{trainerId}/einladung", null);
        using var trainerin = await Host.ApiClientAsync("mira.doppelt", Passwort);
        var (_, andereEmail) = await TrainerAsync("Noah Andere");
        using var durchTrainerin = await trainerin.PostAsJsonAsync("/api/einladungen", new { email = andereEmail, displayName = "Noah Andere", role = "schulungen.trainer", scope = "OwnRecords" });
        using var unbekannt = await StaffApi.PostAsync($"/api/schulungen/trainer/{Guid.NewGuid()}/einladung", null);

        Assert.Multiple(async () =>
        {
            Assert.That(zweite.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(await zweite.Content.ReadAsStringAsync(), Does.Contain("Mira Doppelt hat bereits ein Konto (mira.doppelt)"));
            Assert.That(Host.MailsTo(email), Has.Count.EqualTo(1));
            Assert.That(durchTrainerin.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "a trainer's own-records grant reaches nobody she could invite");
            Assert.That(Host.MailsTo(andereEmail), Is.Empty);
            Assert.That(unbekannt.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        });
    }

    [Test]
    public async Task A_trainer_without_an_address_is_refused_at_the_email_field()
    {
        using var angelegt = await StaffApi.PostAsJsonAsync("/api/schulungen/trainer", new { name = "Ohne Adresse", email = (string?)null });
        var trainerId = (await angelegt.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        using var einladung = await StaffApi.PostAsync($"/api/schulungen/trainer/{trainerId}/einladung", null);
        var problem = await einladung.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Multiple(() =>
        {
            Assert.That(einladung.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(problem.GetProperty("errors").GetProperty("email")[0].GetString(), Does.Contain("keine E-Mail-Adresse"));
        });
    }
}
