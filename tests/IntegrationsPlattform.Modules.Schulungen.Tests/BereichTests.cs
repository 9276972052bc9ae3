using IntegrationsPlattform.Modules.Schulungen.Tests.Nachweis;

namespace IntegrationsPlattform.Modules.Schulungen.Tests;

/// <summary>
/// Who reaches which endpoint. Every endpoint of the module goes through the test kit's <see cref="ScopeMatrix"/>:
/// registered here is how to make a record in a municipality and a valid body for each write, or why an endpoint is
/// exempt; a new endpoint fails the matrix until it is registered.
/// </summary>
public sealed class BereichTests : SchulungenFixture
{
    private const string Erbach = "06437006";
    private const string Oberzent = "06437014";

    [Test]
    public async Task Every_endpoint_keeps_records_outside_the_users_scope_out_of_reach()
    {
        var kurs = await SchulungenApi.KursAsync(StaffApi, "Matrix-Kurs", "veroeffentlicht");
        var matrix = new ScopeMatrix(Host, "Schulungen", inScope: Erbach, outOfScope: Oberzent)
            .List("GET /api/schulungen/termine/", ags => $"kommune={ags}&groesse=200", ags => SchulungenApi.TerminAsync(StaffApi, kurs, ags, 30))
            .Read("GET /api/schulungen/termine/{id:guid}", ags => SchulungenApi.TerminAsync(StaffApi, kurs, ags, 30))
            .Exempt(
                "schulungen.verwalten lässt sich nicht einschränken: Termine anlegen und ändern ist Sache der Fachkräfte für den ganzen Kreis",
                "POST /api/schulungen/termine/", "PUT /api/schulungen/termine/{id:guid}", "POST /api/schulungen/termine/{id:guid}/status",
                "POST /api/schulungen/termine/{id:guid}/zeiten", "PUT /api/schulungen/termine/{id:guid}/zeiten/{zeit:guid}",
                "DELETE /api/schulungen/termine/{id:guid}/zeiten/{zeit:guid}", "GET /api/schulungen/trainer/", "POST /api/schulungen/trainer/",
                "POST /api/schulungen/trainer/{id:guid}/einladung")
            .Exempt(
                "schulungen.verwalten lässt sich nicht einschränken: die Schulen des Kreises und ihre Schularten sind Stammdaten ohne Personenbezug",
                "GET /api/schulungen/schulen/", "GET /api/schulungen/schulen/{id:guid}", "POST /api/schulungen/schulen/", "PUT /api/schulungen/schulen/{id:guid}",
                "GET /api/schulungen/schularten")
            .Exempt(
                "schulungen.verwalten lässt sich nicht einschränken: der Kurskatalog gilt für den ganzen Kreis und enthält keine Personendaten",
                "GET /api/schulungen/kurse/", "GET /api/schulungen/kurse/{id:guid}", "POST /api/schulungen/kurse/",
                "PUT /api/schulungen/kurse/{id:guid}", "POST /api/schulungen/kurse/{id:guid}/status")
            .Exempt(
                "schulungen.verwalten lässt sich nicht einschränken: Anmeldungen verwalten die Fachkräfte des WIR-Vielfaltszentrums für den ganzen Kreis; Teilnehmende melden sich öffentlich an",
                "GET /api/schulungen/termine/{id:guid}/anmeldungen", "POST /api/schulungen/termine/{id:guid}/anmeldungen",
                "POST /api/schulungen/anmeldungen/{id:guid}/abmeldung", "GET /api/schulungen/anmeldungen/{id:guid}/kalender/{nummer}.ics")
            .Exempt(
                "Bescheinigungen stellt nur das Personal aus (schulungen.verwalten, für den ganzen Kreis, nicht einschränkbar)",
                "GET /api/schulungen/termine/{id:guid}/bescheinigungen", "POST /api/schulungen/termine/{id:guid}/bescheinigungen",
                "GET /api/schulungen/bescheinigungen/{id:guid}", "GET /api/schulungen/bescheinigungen/{id:guid}/pdf",
                "POST /api/schulungen/bescheinigungen/{id:guid}/rueckzug")
            .Exempt(
                "schulungen.verwalten lässt sich nicht einschränken: die Reichweite zählt je Kommune des ganzen Kreises, ohne Personendaten",
                "GET /api/schulungen/reichweite")
            .Exempt("öffentlich: die Prüfung eines Codes zeigt nur Kurs, Zeitraum, Initialen und ob gültig", "GET /api/schulungen/nachweis/{code}")
            .Exempt(
                "Feedback fordert nur das Personal an und wertet es aus (schulungen.verwalten, nicht einschränkbar); das Formular öffnet der persönliche Link",
                "POST /api/schulungen/termine/{id:guid}/feedback/anforderung", "GET /api/schulungen/termine/{id:guid}/feedback",
                "GET /api/schulungen/kurse/{id:guid}/feedback",
                "GET /api/schulungen/feedback/{token}", "POST /api/schulungen/feedback/{token}")
            .List("GET /api/schulungen/anwesenheit", _ => "", ags => Task.FromResult(Termin(ags).Id))
            .Read("GET /api/schulungen/termine/{id:guid}/anwesenheit", ags => Task.FromResult(Termin(ags).Id))
            .Change("PUT /api/schulungen/termine/{id:guid}/anwesenheit", ags => Task.FromResult(Termin(ags).Id), () => Task.FromResult<object>(new { zeitId = _letzterTermin!.Zeiten[0], anwesend = Array.Empty<string>() }));

        Assert.That(await matrix.RunAsync(), Is.Empty);
    }

    /// <summary>The session made last: the attendance body names one of its appointments (the matrix makes the record first).</summary>
    private TestTermin? _letzterTermin;

    private TestTermin Termin(string ags)
    {
        using var db = ModuleDatabase();
        _letzterTermin = NachweisDaten.Termin(db, Clock, ags);
        NachweisDaten.Anmeldung(db, Clock, _letzterTermin.Id, "Aylin", "Demir");
        return _letzterTermin;
    }

    /// <summary>The endpoints anyone may call: the check of a certificate's code, the feedback form behind a personal link.</summary>
    private static readonly HashSet<string> Oeffentlich = ["GET /api/schulungen/nachweis/{code}", "GET /api/schulungen/feedback/{token}", "POST /api/schulungen/feedback/{token}"];

    [Test]
    public async Task Every_endpoint_answers_401_without_token_and_403_without_the_permission()
    {
        var endpoints = ApiEndpoints.Of(Host, "/api/schulungen/");
        Assert.Multiple(async () =>
        {
            Assert.That(endpoints, Is.Not.Empty);
            Assert.That(await ApiEndpoints.WithoutTokenAsync(Host, endpoints, Oeffentlich), Is.Empty);
            Assert.That(await ApiEndpoints.WithoutPermissionAsync(AdminApi, endpoints, Oeffentlich), Is.Empty, "the admin holds no Schulungen permission");
        });
    }

    [Test]
    public async Task A_trainer_without_the_staff_permission_cannot_reach_the_catalogue()
    {
        using var trainerin = await ApiAsync("trainerin-katalog", TestGrant.OwnRecords(Anwesenheit));
        var endpoints = ApiEndpoints.Of(Host, "/api/schulungen/kurse");
        Assert.That(await ApiEndpoints.WithoutPermissionAsync(trainerin, endpoints, new HashSet<string>()), Is.Empty);
    }
}
