using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IntegrationsPlattform.Contracts.Demo;
using IntegrationsPlattform.Contracts.Kernel;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationsPlattform.Modules.Schulungen.Tests;

/// <summary>The demo installation: the showcase set, the demo trainer's own sessions, and a second seeding that adds nothing.</summary>
public sealed class DemoDatenTests : ModuleFixture
{
    protected override string ModuleId => "Schulungen";

    protected override bool DemoData => true;

    [Test]
    public async Task The_showcase_has_three_courses_a_school_year_of_sessions_and_schools_of_the_Kreis()
    {
        using var fachkraft = await Host.ApiClientAsync(PlatformHost.StaffUser, PlatformHost.StaffPassword);
        var kurse = await fachkraft.GetFromJsonAsync<JsonElement>("/api/schulungen/kurse");
        var termine = await fachkraft.GetFromJsonAsync<JsonElement>("/api/schulungen/termine?groesse=200");
        var schulen = await fachkraft.GetFromJsonAsync<JsonElement>("/api/schulungen/schulen?groesse=200");
        var status = termine.GetProperty("rows").EnumerateArray().Select(t => t.GetProperty("status").GetString()).ToHashSet();

        Assert.Multiple(() =>
        {
            Assert.That(kurse.GetProperty("rows").EnumerateArray().Select(k => k.GetProperty("titel").GetString()), Is.EquivalentTo(new[]
            {
                "Grundlagen diskriminierungskritischer Bildungsarbeit", "Umgang mit Rassismus im Schulalltag", "Elternarbeit in der Migrationsgesellschaft",
            }));
            Assert.That(termine.GetProperty("total").GetInt32(), Is.EqualTo(16));
            Assert.That(termine.GetProperty("rows").EnumerateArray().Select(t => t.GetProperty("kommune").GetString()).Distinct().Count(), Is.GreaterThan(3));
            Assert.That(status, Is.SupersetOf(new[] { "ausgewertet", "durchgefuehrt", "abgesagt", "offen", "geplant" }));
            Assert.That(schulen.GetProperty("total").GetInt32(), Is.GreaterThanOrEqualTo(12));
        });
    }

    [Test]
    public async Task The_demo_trainer_sees_only_her_sessions_and_not_the_catalogue()
    {
        using var trainerin = await Host.ApiClientAsync("trainerin", "Demo-Trainerin-2026");
        using var fachkraft = await Host.ApiClientAsync(PlatformHost.StaffUser, PlatformHost.StaffPassword);
        var eigene = await trainerin.GetFromJsonAsync<JsonElement>("/api/schulungen/termine?groesse=200");
        var alle = await fachkraft.GetFromJsonAsync<JsonElement>("/api/schulungen/termine?groesse=200");
        using var katalog = await trainerin.GetAsync("/api/schulungen/kurse");
        var ersteEigene = SchulungenApi.Ids(eigene).First();
        var detail = await trainerin.GetFromJsonAsync<JsonElement>($"/api/schulungen/termine/{ersteEigene}");

        Assert.Multiple(() =>
        {
            Assert.That(eigene.GetProperty("total").GetInt32(), Is.InRange(1, alle.GetProperty("total").GetInt32() - 1));
            Assert.That(detail.GetProperty("trainer").EnumerateArray().Select(t => t.GetProperty("name").GetString()), Does.Contain("Tanja Demir"));
            Assert.That(katalog.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        });
    }

    [Test]
    public async Task Seeding_again_adds_nothing()
    {
        var vorher = (Count("kurse"), Count("termine"), Count("termin_zeiten"), Count("schulen"), Count("trainer"));
        await using (var scope = Host.Services.CreateAsyncScope())
        {
            var deployment = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new GetDeployment());
            foreach (var seeder in scope.ServiceProvider.GetServices<IDemoDataSeeder>())
            {
                await seeder.SeedAsync(deployment, DemoSize.Showcase, CancellationToken.None);
            }
        }

        Assert.That((Count("kurse"), Count("termine"), Count("termin_zeiten"), Count("schulen"), Count("trainer")), Is.EqualTo(vorher));
    }

    [Test]
    public async Task Held_sessions_show_attendance_states_cancellations_and_a_waiting_list_and_open_ones_a_full_session()
    {
        using var fachkraft = await Host.ApiClientAsync(PlatformHost.StaffUser, PlatformHost.StaffPassword);
        var termine = (await fachkraft.GetFromJsonAsync<JsonElement>("/api/schulungen/termine?groesse=200")).GetProperty("rows").EnumerateArray().ToList();
        var status = new List<string>();
        foreach (var termin in termine.Where(t => t.GetProperty("status").GetString() is "ausgewertet" or "durchgefuehrt" or "ausgebucht"))
        {
            var anmeldungen = await fachkraft.GetFromJsonAsync<JsonElement>($"/api/schulungen/termine/{termin.GetProperty("id").GetString()}/anmeldungen");
            status.AddRange(anmeldungen.GetProperty("anmeldungen").EnumerateArray().Select(a => a.GetProperty("status").GetString()!));
        }

        Assert.Multiple(() =>
        {
            Assert.That(termine.Select(t => t.GetProperty("status").GetString()), Does.Contain("ausgebucht"), "an open session filled up with its waiting list");
            Assert.That(status.Distinct(), Is.SupersetOf(new[] { "vollstaendig", "teilweise", "nicht_erschienen", "warteliste", "abgemeldet" }));
        });
    }

    [Test]
    public async Task The_certificates_of_an_evaluated_session_are_verifiable_by_their_code_in_public()
    {
        using var fachkraft = await Host.ApiClientAsync(PlatformHost.StaffUser, PlatformHost.StaffPassword);
        var termine = (await fachkraft.GetFromJsonAsync<JsonElement>("/api/schulungen/termine?status=ausgewertet&groesse=200")).GetProperty("rows").EnumerateArray();
        var liste = await fachkraft.GetFromJsonAsync<JsonElement>($"/api/schulungen/termine/{termine.First().GetProperty("id").GetString()}/bescheinigungen");
        var zeilen = liste.GetProperty("zeilen").EnumerateArray().ToList();
        var code = zeilen.Select(z => z.GetProperty("code").GetString()).First(c => c is not null);
        using var oeffentlich = Host.Anonymous();
        var nachweis = await oeffentlich.GetFromJsonAsync<JsonElement>($"/api/schulungen/nachweis/{code}");

        Assert.Multiple(() =>
        {
            Assert.That(nachweis.GetProperty("gueltig").GetBoolean(), Is.True);
            Assert.That(nachweis.GetProperty("initialen").GetString(), Does.Match(@"^\p{Lu}\. \p{Lu}\.$"));
            Assert.That(zeilen.Where(z => z.GetProperty("moeglich").GetBoolean()).All(z => z.GetProperty("code").GetString() is not null), Is.True, "everyone who attended enough has one");
            Assert.That(zeilen.Where(z => !z.GetProperty("moeglich").GetBoolean()).All(z => z.GetProperty("code").ValueKind == JsonValueKind.Null), Is.True, "nobody else has one");
        });
    }

    [Test]
    public async Task Feedback_results_show_for_sessions_with_five_answers_and_stay_hidden_for_the_latest_with_fewer()
    {
        using var fachkraft = await Host.ApiClientAsync(PlatformHost.StaffUser, PlatformHost.StaffPassword);
        var gehalten = (await fachkraft.GetFromJsonAsync<JsonElement>("/api/schulungen/termine?groesse=200")).GetProperty("rows").EnumerateArray()
            .Where(t => t.GetProperty("status").GetString() is "ausgewertet" or "durchgefuehrt").Select(t => t.GetProperty("id").GetString()).ToList();
        var auswertungen = new List<JsonElement>();
        foreach (var id in gehalten)
        {
            auswertungen.Add(await fachkraft.GetFromJsonAsync<JsonElement>($"/api/schulungen/termine/{id}/feedback"));
        }

        var sichtbar = auswertungen.Where(a => a.GetProperty("sichtbar").GetBoolean()).ToList();
        var verborgen = auswertungen.Where(a => !a.GetProperty("sichtbar").GetBoolean()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(sichtbar, Has.Count.GreaterThanOrEqualTo(2));
            Assert.That(sichtbar.All(a => a.GetProperty("antworten").GetInt32() >= 5 && a.GetProperty("freitexte").GetArrayLength() > 0), Is.True);
            Assert.That(verborgen.Select(a => a.GetProperty("antworten").GetInt32()), Has.Some.InRange(1, 4), "a session with answers, too few to show");
            Assert.That(auswertungen.All(a => a.GetProperty("eingeladen").GetInt32() >= a.GetProperty("antworten").GetInt32() && a.GetProperty("eingeladen").GetInt32() > 0), Is.True);
        });
    }

    [Test]
    public void Participants_come_from_schools_of_several_municipalities_and_from_Traeger_without_a_school_and_some_requests_wait_for_confirmation()
    {
        var kommunen = Count("(SELECT DISTINCT s.kommune_ags FROM teilnehmende_schulen ts JOIN schulen s ON s.id = ts.schule_id)");
        var ohneSchule = Count("teilnehmende", "arbeitgeber IS NOT NULL AND id NOT IN (SELECT teilnehmende_id FROM teilnehmende_schulen)");
        var ohneAnmeldung = Count("teilnehmende", "id NOT IN (SELECT teilnehmende_id FROM anmeldungen)");

        Assert.Multiple(() =>
        {
            Assert.That(kommunen, Is.GreaterThanOrEqualTo(6));
            Assert.That(ohneSchule, Is.GreaterThan(5));
            Assert.That(ohneAnmeldung, Is.Zero, "everyone of the set registered somewhere");
            Assert.That(Host.MailsTo("berit.sandmann@traeger.example.invalid").Single().Subject, Does.StartWith("Bitte bestätigen: Anmeldung zur Schulung"));
        });
    }

    [Test]
    public async Task Seeding_again_adds_no_participants_registrations_attendance_certificates_or_feedback()
    {
        string[] tabellen = ["teilnehmende", "anmeldungen", "anwesenheit", "bescheinigungen", "feedback_einladungen", "feedback_antworten"];
        var vorher = tabellen.Select(t => Count(t)).ToList();
        await using (var scope = Host.Services.CreateAsyncScope())
        {
            var deployment = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new GetDeployment());
            foreach (var seeder in scope.ServiceProvider.GetServices<IDemoDataSeeder>())
            {
                await seeder.SeedAsync(deployment, DemoSize.Showcase, CancellationToken.None);
            }
        }

        Assert.Multiple(() =>
        {
            Assert.That(tabellen.Select(t => Count(t)), Is.EqualTo(vorher));
            Assert.That(Host.MailsTo("berit.sandmann@traeger.example.invalid"), Has.Count.EqualTo(1), "no second confirmation request");
        });
    }
}
