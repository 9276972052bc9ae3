namespace IntegrationsPlattform.Modules.Gesundheit.Tests;

/// <summary>A Kreis configures its own categories of offers; they replace the eight defaults as a whole.</summary>
public sealed class EinstellungenTests : GesundheitFixture
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Modules:Gesundheit:Settings:Kategorien:impfungen"] = "Impfungen",
        ["Modules:Gesundheit:Settings:Kategorien:hebammen"] = "Hebammenhilfe",
    };

    [Test]
    public async Task The_configured_categories_replace_the_defaults()
    {
        var page = await PageAsync("/gesundheit");

        Assert.Multiple(() =>
        {
            Assert.That(page, Does.Contain("<li>Hebammenhilfe</li>"));
            Assert.That(page, Does.Contain("<li>Impfungen</li>"));
            Assert.That(page, Does.Not.Contain("<li>Zahnprophylaxe</li>"));
        });
    }
}
