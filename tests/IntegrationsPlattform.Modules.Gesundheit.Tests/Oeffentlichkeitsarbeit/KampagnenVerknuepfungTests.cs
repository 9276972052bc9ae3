using System.Net.Http.Json;
using System.Runtime.Loader;
using IntegrationsPlattform.Contracts.Kernel;
using static IntegrationsPlattform.Modules.Gesundheit.Tests.Oeffentlichkeitsarbeit.Kampagnendaten;
using static IntegrationsPlattform.Modules.Gesundheit.Tests.Testdaten;

namespace IntegrationsPlattform.Modules.Gesundheit.Tests.Oeffentlichkeitsarbeit;

/// <summary>
/// A campaign's status changes reach a module that links to it through the outbox (the test plugin Verbraucher follows
/// <see cref="LinkableRecordChanged"/> without naming Gesundheit), and a change the lifecycle refuses announces nothing.
/// </summary>
public sealed class KampagnenVerknuepfungTests : ModuleFixture
{
    protected override string ModuleId => "Gesundheit";

    protected override IReadOnlyList<string> Peers => ["Beispiel", "Verbraucher"];

    /// <summary>
    /// What Verbraucher heard: it keeps the notifications in a static queue of its own load context. Every host in this
    /// test process that loaded the plugin has a context of its own; the caller picks its campaign's by key.
    /// </summary>
    private static IEnumerable<LinkableRecordChanged> Gehoert()
        => AssemblyLoadContext.All.SelectMany(c => c.Assemblies)
            .Where(a => a.GetName().Name == "IntegrationsPlattform.TestPlugins.Verbraucher")
            .SelectMany(a => (IEnumerable<LinkableRecordChanged>)a.GetType("IntegrationsPlattform.TestPlugins.Verbraucher.VerknuepfungBeobachter")!.GetField("Empfangen")!.GetValue(null)!);

    [Test]
    public async Task Each_status_change_of_a_campaign_is_announced_once_with_its_new_status_and_a_refused_one_not_at_all()
    {
        using var staff = await ApiAsync("kampagnen-verknuepfung", TestGrant.For("gesundheit.verwalten"));
        var id = await KampagneAsync(staff, Kampagne("Aktionstag Kindergesundheit", Clock.Today, Erbach));

        await ErfolgAsync(StatusAsync(staff, id, "laufend"));
        using var verweigert = await StatusAsync(staff, id, "geplant");
        await ErfolgAsync(StatusAsync(staff, id, "abgesagt", "Die Halle ist belegt."));
        await Host.DeliverOutboxAsync();

        var gehoert = Gehoert().Where(n => n.Key == id).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(verweigert.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.Conflict));
            Assert.That(gehoert.Select(n => (n.Module, n.Kind, n.Title, n.Status, n.Link)), Is.EqualTo(new[]
            {
                ("Gesundheit", "Kampagne", "Aktionstag Kindergesundheit", "läuft", $"/gesundheit/verwaltung/kampagnen/{id}"),
                ("Gesundheit", "Kampagne", "Aktionstag Kindergesundheit", "abgesagt", $"/gesundheit/verwaltung/kampagnen/{id}"),
            }));
        });
    }
}
