using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;

namespace IntegrationsPlattform.Modules.Schulungen.Tests.Nachweis;

/// <summary>
/// A course's feedback over all its sessions: only sessions with five answers or more count, so that a small group's
/// answers never show through the course's figures; the page shows the same as the API.
/// </summary>
public sealed class KursFeedbackTests : SchulungenFixture
{
    [Test]
    public async Task The_course_evaluation_sums_up_the_sessions_with_five_answers_or_more_and_leaves_out_the_others()
    {
        var (kurs, termine) = Kurs(3);
        Antworten(termine[0], [5, 4, 4, 3, 5], "Sehr praxisnah.");
        Antworten(termine[1], [2, 3, 4, 4, 5, 3], null);
        Antworten(termine[2], [1, 1, 1], "Aus einer kleinen Gruppe.");

        var auswertung = await StaffApi.GetFromJsonAsync<JsonElement>($"/api/schulungen/kurse/{kurs}/feedback");
        var gesamt = auswertung.GetProperty("skalen").EnumerateArray().Single(s => s.GetProperty("spalte").GetString() == "gesamt");
        var seite = await PageAsync($"/schulungen/kurse/{kurs}/feedback");

        Assert.Multiple(() =>
        {
            Assert.That(auswertung.GetProperty("sichtbar").GetBoolean(), Is.True);
            Assert.That(auswertung.GetProperty("antworten").GetInt32(), Is.EqualTo(11));
            Assert.That(gesamt.GetProperty("durchschnitt").GetDecimal(), Is.EqualTo(42m / 11).Within(0.0001m));
            Assert.That(gesamt.GetProperty("verteilung").EnumerateArray().Select(v => v.GetInt32()), Is.EqualTo(new[] { 0, 1, 3, 4, 3 }));
            Assert.That(auswertung.GetProperty("freitexte").EnumerateArray().Select(t => t.GetString()), Is.EqualTo(new[] { "Sehr praxisnah.", "Sehr praxisnah.", "Sehr praxisnah.", "Sehr praxisnah.", "Sehr praxisnah." }));
            Assert.That(auswertung.GetProperty("termine").EnumerateArray().Select(t => (t.GetProperty("antworten").GetInt32(), t.GetProperty("einbezogen").GetBoolean())),
                Is.EquivalentTo(new[] { (5, true), (6, true), (3, false) }));
            Assert.That(seite, Does.Contain("Feedback zum Kurs").And.Contain("Verteilung: Gesamteindruck").And.Contain("nein (weniger als 5 Antworten)"));
            Assert.That(seite, Does.Not.Contain("Aus einer kleinen Gruppe."));
        });
    }

    [Test]
    public async Task A_course_whose_sessions_all_have_fewer_than_five_answers_shows_no_results()
    {
        var (kurs, termine) = Kurs(2);
        Antworten(termine[0], [5, 5, 5, 5], "Nur vier Antworten.");
        Antworten(termine[1], [4], null);

        var auswertung = await StaffApi.GetFromJsonAsync<JsonElement>($"/api/schulungen/kurse/{kurs}/feedback");
        var seite = await PageAsync($"/schulungen/kurse/{kurs}/feedback");

        Assert.Multiple(() =>
        {
            Assert.That(auswertung.GetProperty("sichtbar").GetBoolean(), Is.False);
            Assert.That(auswertung.GetProperty("skalen").GetArrayLength(), Is.Zero);
            Assert.That(auswertung.GetProperty("freitexte").GetArrayLength(), Is.Zero);
            Assert.That(auswertung.GetProperty("termine").GetArrayLength(), Is.EqualTo(2));
            Assert.That(seite, Does.Contain("sobald ein Termin des Kurses 5 Antworten hat").And.Not.Contain("Nur vier Antworten."));
        });
    }

    [Test]
    public async Task An_unknown_course_answers_404_and_a_trainer_without_the_staff_permission_403()
    {
        var (kurs, _) = Kurs(1);
        using var unbekannt = await StaffApi.GetAsync($"/api/schulungen/kurse/{Guid.NewGuid()}/feedback");
        using var trainerin = await ApiAsync("trainerin-kursfeedback", TestGrant.OwnRecords(Anwesenheit));
        using var verboten = await trainerin.GetAsync($"/api/schulungen/kurse/{kurs}/feedback");

        Assert.Multiple(() =>
        {
            Assert.That(unbekannt.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(verboten.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        });
    }

    /// <summary>A course with <paramref name="anzahl"/> held sessions (the first made by <see cref="NachweisDaten"/>, the others moved to its course).</summary>
    private (string Kurs, List<string> Termine) Kurs(int anzahl)
    {
        using var db = ModuleDatabase();
        var termine = Enumerable.Range(0, anzahl).Select(_ => NachweisDaten.Termin(db, Clock, vergangeneTage: 1, status: "durchgefuehrt").Id).ToList();
        var kurs = db.ExecuteScalar<string>("SELECT kurs_id FROM termine WHERE id = @id", new { id = termine[0] })!;
        db.Execute("UPDATE termine SET kurs_id = @kurs WHERE id IN @termine", new { kurs, termine });
        return (kurs, termine);
    }

    /// <summary>Answers of a session as the form stores them: overall scores, the other scales left out, the same free text on each.</summary>
    private void Antworten(string termin, int[] gesamt, string? freitext)
    {
        using var db = ModuleDatabase();
        db.Execute(
            "INSERT INTO feedback_antworten (id, termin_id, gesamt, freitext) VALUES (@id, @termin, @gesamt, @freitext)",
            gesamt.Select(g => new { id = Guid.NewGuid().ToString(), termin, gesamt = g, freitext }));
    }
}
