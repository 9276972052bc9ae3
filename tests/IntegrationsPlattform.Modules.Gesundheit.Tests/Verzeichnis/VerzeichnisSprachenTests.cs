
namespace IntegrationsPlattform.Modules.Gesundheit.Tests.Verzeichnis;

/// <summary>
/// The directory speaks exactly the deployment's public languages, and each in as far as a resource file has its
/// texts: no list of languages in the module. A Kreis offering Turkish and Polish (no resource file): Turkish
/// complete, Polish in German marked as German until its file is added, English (a file, but not offered) not at all.
/// </summary>
[TestFixture]
public sealed class VerzeichnisSprachenTests : GesundheitFixture
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Platform:PublicLanguages"] = "de,tr,pl" };

    [OneTimeSetUp]
    public void Angebot()
    {
        var db = Host.ModuleDatabase("Gesundheit");
        Testangebote.Anlegen(db, Testangebote.Anbieter(db, "Sprachentest"), new Testangebot("Qsp Sprechstunde"));
    }

    [Test]
    public async Task AConfiguredLanguageWithoutResourceFileIsOfferedWithEveryTextMarkedAsGerman()
    {
        var html = await SeiteAsync("/gesundheit/angebote?suche=Qsp&lang=pl");
        Assert.Multiple(() =>
        {
            Assert.That(html, Does.Contain("<html lang=\"pl\" dir=\"ltr\">"));
            Assert.That(html, Does.Contain("hreflang=\"pl\" lang=\"pl\" dir=\"ltr\"").And.Contain(">Polski</a>"), "the language switch offers it");
            Assert.That(html, Does.Contain("<h1><span lang=\"de\" dir=\"ltr\">Gesundheitsangebote für Kinder</span></h1>"));
            Assert.That(html, Does.Contain("<span lang=\"de\" dir=\"ltr\">Qsp Sprechstunde</span>"));
        });
    }

    [Test]
    public async Task AnOfferedLanguageWithItsResourceFileIsCompleteAndOneNotOfferedIsGerman()
    {
        var tuerkisch = await SeiteAsync("/gesundheit/angebote?lang=tr");
        var englisch = await SeiteAsync("/gesundheit/angebote?lang=en");
        Assert.Multiple(() =>
        {
            Assert.That(tuerkisch, Does.Contain("<h1>Çocuklar için sağlık hizmetleri</h1>"));
            Assert.That(englisch, Does.Contain("<html lang=\"de\" dir=\"ltr\">").And.Contain("<h1>Gesundheitsangebote für Kinder</h1>"));
            Assert.That(englisch, Does.Not.Contain("hreflang=\"en\""), "not in the language switch");
        });
    }

    private async Task<string> SeiteAsync(string pfad)
    {
        using var client = Host.Anonymous();
        return await PageForms.TextAsync(client, pfad);
    }
}
