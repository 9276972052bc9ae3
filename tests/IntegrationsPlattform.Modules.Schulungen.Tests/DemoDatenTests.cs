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
}
