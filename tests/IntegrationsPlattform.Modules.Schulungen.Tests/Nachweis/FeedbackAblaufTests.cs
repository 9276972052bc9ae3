using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace IntegrationsPlattform.Modules.Schulungen.Tests.Nachweis;

/// <summary>A feedback link expires after its days: a host of its own, whose clock the test moves.</summary>
public sealed class FeedbackAblaufTests : SchulungenFixture
{
    [Test]
    public async Task An_expired_link_is_refused_with_its_last_day_and_nothing_is_stored()
    {
        using var db = ModuleDatabase();
        var termin = NachweisDaten.Termin(db, Clock, vergangeneTage: 1);
        var anmeldung = NachweisDaten.Anmeldung(db, Clock, termin.Id, "Aylin", "Demir");
        using (var erfasst = await StaffApi.PutAsJsonAsync($"/api/schulungen/termine/{termin.Id}/anwesenheit", new { zeitId = termin.Zeiten[0], anwesend = new[] { anmeldung } }))
        using (var angefordert = await StaffApi.PostAsync($"/api/schulungen/termine/{termin.Id}/feedback/anforderung", null))
        {
            Assert.That(angefordert.StatusCode, Is.EqualTo(HttpStatusCode.OK), await angefordert.Content.ReadAsStringAsync());
        }

        var adresse = Dapper.SqlMapper.ExecuteScalar<string>(db, "SELECT p.email FROM anmeldungen a JOIN teilnehmende p ON p.id = a.teilnehmende_id WHERE a.id = @anmeldung", new { anmeldung })!;
        var link = Host.LinkInLastMail(adresse, "/schulungen/feedback/");
        Clock.Advance(TimeSpan.FromDays(15));

        using var response = await Host.Anonymous().PostAsJsonAsync("/api/schulungen" + link[link.IndexOf("/feedback/", StringComparison.Ordinal)..], new { gesamt = 4 });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(problem.GetProperty("detail").GetString(), Does.StartWith("Dieser Feedback-Link ist abgelaufen; Feedback war bis zum "));
            Assert.That(Count("feedback_antworten", "termin_id = @id", new { id = termin.Id }), Is.Zero);
        });
    }
}
