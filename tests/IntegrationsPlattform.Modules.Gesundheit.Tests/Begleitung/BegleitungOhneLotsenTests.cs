using System.Net;
using System.Net.Http.Json;
using static IntegrationsPlattform.Modules.Gesundheit.Tests.Begleitung.BegleitungTestdaten;
using static IntegrationsPlattform.Modules.Gesundheit.Tests.Testdaten;

namespace IntegrationsPlattform.Modules.Gesundheit.Tests.Begleitung;

/// <summary>
/// A deployment where the Lotsen module is installed but not enabled: the accompaniment is offered nowhere, asking and
/// handing over answer 503 as problem details, and nothing is written or waits in the outbox.
/// </summary>
public sealed class BegleitungOhneLotsenTests : GesundheitFixture
{
    [Test]
    public async Task Without_the_Lotsen_module_the_option_is_not_shown_and_nothing_fails_or_is_written()
    {
        var anbieter = await AnbieterAsync(StaffApi, "Praxis ohne Lotsen");
        var angebot = await VeroeffentlichtAsync(StaffApi, Angebot(anbieter, titel: "Impftag ohne Lotsen"));

        using var fragen = await StaffApi.GetAsync($"/api/gesundheit/begleitung/verfuegbarkeit?sprache=ar&kommune={Erbach}");
        using var uebergeben = await StaffApi.PostAsJsonAsync(Uebergaben, Uebergabe(angebot, sprache: "ar"));
        using var liste = await StaffApi.GetAsync(Uebergaben);
        var angebotsseite = await PageAsync($"/gesundheit/verwaltung/angebote/{angebot}");
        var startseite = await PageAsync("/gesundheit");
        var formular = await PageAsync($"/gesundheit/verwaltung/begleitung/neu?angebot={angebot}&sprache=ar&kommune={Erbach}");
        var listenseite = await PageAsync("/gesundheit/verwaltung/begleitung");

        Assert.Multiple(async () =>
        {
            Assert.That(fragen.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(fragen.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(uebergeben.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable), await uebergeben.Content.ReadAsStringAsync());
            Assert.That(liste.StatusCode, Is.EqualTo(HttpStatusCode.OK), "earlier hand-overs stay readable");
            Assert.That(Count("lotsen_uebergaben"), Is.Zero);
            Assert.That(Count("platform_outbox"), Is.Zero);
            Assert.That(angebotsseite, Does.Not.Contain("Begleitung durch Lotsen"));
            Assert.That(startseite, Does.Not.Contain("Begleitung durch Lotsen"));
            Assert.That(formular, Does.Contain("Das Modul Integrationslotsen ist in dieser Installation nicht aktiv").And.Not.Contain("An die Lotsen übergeben"));
            Assert.That(listenseite, Does.Contain("neue Übergaben sind nicht möglich"));
        });
    }
}
