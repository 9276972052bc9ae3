using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using IntegrationsPlattform.Contracts.Modules;
using IntegrationsPlattform.Host.Modules;
using MediatR;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationsPlattform.Host.Tests;

/// <summary>Modules talk only over contracts; a request to a module that is off fails in a way callers can handle.</summary>
[TestFixture]
public sealed class CrossModuleTests
{
    [Test]
    public async Task AModuleQueriesAnotherThroughItsContractsAndReceivesItsNotificationsAfterCommit()
    {
        using var host = new PlatformHost();
        using var staff = await host.ApiClientAsync(PlatformHost.StaffUser, PlatformHost.StaffPassword);
        var before = Received(host);

        for (var i = 0; i < 3; i++)
        {
            using var created = await staff.PostAsJsonAsync("/api/beispiel/eintraege", new { titel = $"Termin {i}", kommuneAgs = "06437004" });
            Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        }

        await host.DeliverOutboxAsync();

        var count = await staff.GetFromJsonAsync<JsonElement>("/api/verbraucher/beispiel-anzahl/06437004");
        Assert.Multiple(() =>
        {
            Assert.That(count.GetProperty("verfuegbar").GetBoolean(), Is.True);
            Assert.That(count.GetProperty("anzahl").GetInt32(), Is.EqualTo(3));
            Assert.That(Received(host) - before, Is.EqualTo(3));
        });
    }

    [Test]
    public async Task ARejectedCommandPublishesNothing()
    {
        using var host = new PlatformHost();
        using var staff = await host.ApiClientAsync(PlatformHost.StaffUser, PlatformHost.StaffPassword);
        var before = Received(host);
        using var rejected = await staff.PostAsJsonAsync("/api/beispiel/eintraege", new { titel = "", kommuneAgs = "06437004" });
        await host.DeliverOutboxAsync();
        Assert.Multiple(() =>
        {
            Assert.That(rejected.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(Received(host), Is.EqualTo(before));
        });
    }

    [Test]
    public async Task WhenTheProviderIsDisabledTheConsumerDegradesAndDirectSendsThrowModuleNotEnabled()
    {
        using var host = new PlatformHost(new Dictionary<string, string?> { ["Modules:Beispiel:Enabled"] = "false" });
        using var staff = await host.ApiClientAsync(PlatformHost.StaffUser, PlatformHost.StaffPassword);
        var count = await staff.GetFromJsonAsync<JsonElement>("/api/verbraucher/beispiel-anzahl/06437004");

        var registry = host.Services.GetRequiredService<ModuleRegistry>();
        var countType = registry.All.First(m => m.FolderName == "Beispiel").ContractsAssemblies[0].GetType("IntegrationsPlattform.Contracts.Beispiel.CountBeispielEintraege")!;
        dynamic request = Activator.CreateInstance(countType, "06437004")!;
        using var scope = host.Services.CreateScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        var exception = Assert.ThrowsAsync<ModuleNotEnabledException>(() => SendAsync(mediator, request));

        Assert.Multiple(() =>
        {
            Assert.That(count.GetProperty("verfuegbar").GetBoolean(), Is.False);
            Assert.That(exception!.ModuleId, Is.EqualTo("Beispiel"));
            Assert.That(registry.IsEnabled("Beispiel"), Is.False);
            Assert.That(registry.IsEnabled("Verbraucher"), Is.True);
        });
    }

    private static Task<int> SendAsync(IMediator mediator, IRequest<int> request) => mediator.Send(request);

    /// <summary>How many notifications of new Beispiel entries the Verbraucher module has handled (it records each in its database).</summary>
    private static long Received(PlatformHost host)
    {
        using var connection = new SqliteConnection($"Data Source={host.ModuleDatabase("Verbraucher")};Pooling=False");
        return connection.ExecuteScalar<long>("SELECT count(*) FROM empfangene_eintraege");
    }
}
