using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;

namespace IntegrationsPlattform.Modules.Schulungen.Tests.Termine;

/// <summary>
/// Workflow 8, the sessions in the platform's calendars: each appointment is an entry, public while the session is open
/// for registration, otherwise for staff and the session's trainer; a cancelled session shows as cancelled.
/// </summary>
public sealed class KalenderTests : SchulungenFixture
{
    private const string Erbach = "06437006";

    [Test]
    public async Task An_open_session_is_public_a_planned_one_is_for_staff_and_its_trainer_and_a_cancelled_one_is_marked()
    {
        var kurs = await SchulungenApi.KursAsync(StaffApi, "Kalender-Kurs", "veroeffentlicht");
        var konto = await TestAccounts.CreateAsync(AdminApi, "kalender-trainerin", TestGrant.OwnRecords(Anwesenheit));
        var trainerin = await SchulungenApi.TrainerAsync(StaffApi, "Kalender Trainerin");
        using (var db = ModuleDatabase())
        {
            db.Execute("UPDATE trainer SET benutzername = @name WHERE id = @trainerin", new { name = konto.UserName, trainerin });
        }

        var offen = await SchulungenApi.TerminAsync(StaffApi, kurs, Erbach, 10, 17);
        using (await StaffApi.PostAsJsonAsync($"/api/schulungen/termine/{offen}/status", new { nach = "offen" }))
        {
        }

        var geplantBody = SchulungenApi.Termin(kurs, Erbach, 20);
        geplantBody["trainer"] = new[] { trainerin };
        geplantBody["zeiten"] = new[] { SchulungenApi.Zeit(20, ort: null, onlineLink: "https://konferenz.example.invalid/geplant") };
        var geplant = await SchulungenApi.TerminAsync(StaffApi, geplantBody);
        var abgesagt = await SchulungenApi.TerminAsync(StaffApi, kurs, Erbach, 30);
        using (await StaffApi.PostAsJsonAsync($"/api/schulungen/termine/{abgesagt}/status", new { nach = "abgesagt", grund = "zu wenige Anmeldungen" }))
        {
        }

        var oeffentlich = await FeedAsync(Host.Anonymous(), "/kalender/oeffentlich.ics");
        var fachkraft = await PersoenlichAsync(StaffApi);
        using var trainerinApi = await Host.ApiClientAsync(konto.UserName, TestAccounts.Password);
        var fuerTrainerin = await PersoenlichAsync(trainerinApi);

        Assert.Multiple(() =>
        {
            Assert.That(Von(oeffentlich, offen), Has.Count.EqualTo(2), "both appointments of the open session");
            Assert.That(Von(oeffentlich, offen).All(e => e.Summary == "Schulung: Kalender-Kurs" && e.Location!.Contains("Erbach")), Is.True);
            Assert.That(Von(oeffentlich, geplant).Concat(Von(oeffentlich, abgesagt)), Is.Empty);
            Assert.That(Von(fachkraft, geplant).Single().Url?.ToString(), Does.EndWith($"/schulungen/termine/{geplant}"));
            Assert.That(Von(fachkraft, abgesagt).Single().Status, Is.EqualTo("CANCELLED"));
            Assert.That(Von(fachkraft, abgesagt).Single().Sequence, Is.EqualTo(1));
            Assert.That(Von(fuerTrainerin, geplant), Has.Count.EqualTo(1), "her own session");
            Assert.That(Von(fuerTrainerin, abgesagt), Is.Empty, "not hers");
        });
    }

    private List<Ical.Net.CalendarComponents.CalendarEvent> Von(IReadOnlyList<Ical.Net.CalendarComponents.CalendarEvent> feed, string terminId)
    {
        using var db = ModuleDatabase();
        var uids = db.Query<string>("SELECT id || '@schulungen.integrationsplattform' FROM termin_zeiten WHERE termin_id = @terminId", new { terminId }).ToHashSet();
        return feed.Where(e => uids.Contains(e.Uid!)).ToList();
    }

    private async Task<IReadOnlyList<Ical.Net.CalendarComponents.CalendarEvent>> PersoenlichAsync(HttpClient api)
    {
        using var abo = await api.PostAsync("/api/kalender/abo", null);
        Assert.That(abo.StatusCode, Is.EqualTo(HttpStatusCode.OK), await abo.Content.ReadAsStringAsync());
        var adresse = (await abo.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("adresse").GetString()!;
        return await FeedAsync(Host.Anonymous(), new Uri(adresse).PathAndQuery);
    }

    private static async Task<IReadOnlyList<Ical.Net.CalendarComponents.CalendarEvent>> FeedAsync(HttpClient client, string pfad)
    {
        using (client)
        {
            return Ical.Net.Calendar.Load(await client.GetStringAsync(pfad))!.Events.ToList();
        }
    }
}
