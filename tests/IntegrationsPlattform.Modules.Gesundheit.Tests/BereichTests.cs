using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static IntegrationsPlattform.Modules.Gesundheit.Tests.Testdaten;

namespace IntegrationsPlattform.Modules.Gesundheit.Tests;

/// <summary>
/// The users' scope: staff see all offers, a provider's account its provider's only, a municipality grant the offers
/// with a place there. Every endpoint goes through the test kit's <see cref="ScopeMatrix"/>; a new endpoint fails it
/// until it is registered.
/// </summary>
public sealed class BereichTests : GesundheitFixture
{
    /// <summary>The provider the matrix makes its records in: the first group the module lists.</summary>
    private string _ersteGruppe = null!;

    private int _nummer;

    [OneTimeSetUp]
    public async Task ZweiAnbieterAsync()
    {
        await AnbieterAsync(StaffApi, "Aaron-Praxis (Matrix)");
        await AnbieterAsync(StaffApi, "Zahnarztpraxis Zoller (Matrix)");
        var gruppen = await AdminApi.GetFromJsonAsync<JsonElement>("/api/admin/permissions/gesundheit.angebote/groups");
        _ersteGruppe = gruppen[0].GetProperty("id").GetString()!;
    }

    private Dictionary<string, object?> Body(string anbieter, IEnumerable<string> kommunen, string titel)
    {
        var body = Angebot(anbieter, titel: titel);
        body["orte"] = kommunen.Select(Ort).ToArray();
        return body;
    }

    private string NeuerTitel() => $"Matrix-Angebot {Interlocked.Increment(ref _nummer)}";

    private Task<string> AngebotInAsync(string ags) => AngebotAsync(StaffApi, Body(_ersteGruppe, [ags], NeuerTitel()));

    private async Task<string> EingereichtInAsync(string ags)
    {
        var id = await AngebotInAsync(ags);
        await ErfolgAsync(StaffApi.PostAsync($"/api/gesundheit/angebote/{id}/einreichen", null));
        return id;
    }

    [Test]
    public async Task Every_endpoint_keeps_offers_outside_the_users_scope_out_of_reach()
    {
        var matrix = new ScopeMatrix(Host, "Gesundheit", inScope: Erbach, outOfScope: Oberzent)
            .List("GET /api/gesundheit/angebote/", ags => $"kommune={ags}&groesse=200", AngebotInAsync)
            .List("GET /api/gesundheit/angebote.csv", ags => $"kommune={ags}", async ags =>
            {
                var titel = NeuerTitel();
                await AngebotAsync(StaffApi, Body(_ersteGruppe, [ags], titel));
                return titel + ";";
            })
            .List("GET /api/gesundheit/anbieter/", _ => "", async ags =>
            {
                var anbieter = await AnbieterAsync(StaffApi, $"ZZ Matrix-Anbieter {Interlocked.Increment(ref _nummer)}");
                await AngebotAsync(StaffApi, Body(anbieter, [ags], NeuerTitel()));
                return anbieter;
            })
            .Read("GET /api/gesundheit/angebote/{id:guid}", AngebotInAsync)
            .Create("POST /api/gesundheit/angebote/", ziel => Task.FromResult<object>(Body(ziel.Group!, ziel.Municipalities, NeuerTitel())))
            .Move("PUT /api/gesundheit/angebote/{id:guid}", AngebotInAsync, ziel => Task.FromResult<object>(Body(ziel.Group!, ziel.Municipalities, NeuerTitel())))
            .Change("POST /api/gesundheit/angebote/{id:guid}/einreichen", AngebotInAsync, () => Task.FromResult<object>(new { }))
            .List("GET /api/gesundheit/uebersetzungen", _ => "sprache=en&stand=fehlt&groesse=200", async ags =>
            {
                var titel = NeuerTitel();
                await AngebotAsync(StaffApi, Body(_ersteGruppe, [ags], titel));
                return titel;
            })
            .Read("GET /api/gesundheit/angebote/{id:guid}/uebersetzungen/", AngebotInAsync)
            .Read("GET /api/gesundheit/angebote/{id:guid}/materialien/", AngebotInAsync)
            .Exempt(
                "Datei-Upload (multipart) und Materialien, die es erst nach einem Upload gibt: den Bereich von gesundheit.angebote prüft Materialien/MaterialienTests",
                "POST /api/gesundheit/angebote/{id:guid}/materialien/", "GET /api/gesundheit/angebote/{id:guid}/materialien/{material:guid}",
                "DELETE /api/gesundheit/angebote/{id:guid}/materialien/{material:guid}")
            .Change("PUT /api/gesundheit/angebote/{id:guid}/uebersetzungen/", AngebotInAsync, () => Task.FromResult<object>(new { sprache = "en", titel = "Matrix offer" }))
            .Exempt(
                "gesundheit.pruefen lässt sich nicht einschränken: der Kreis prüft alle Angebote (der Handler prüft dazu den Bereich von gesundheit.angebote)",
                "POST /api/gesundheit/angebote/{id:guid}/pruefung", "POST /api/gesundheit/angebote/{id:guid}/archivieren")
            .Exempt("gesundheit.verwalten lässt sich nicht einschränken: Anbieter legt der Kreis an", "POST /api/gesundheit/anbieter/")
            .Exempt("gesundheit.verwalten lässt sich nicht einschränken: Anbieter pflegt der Kreis", "GET /api/gesundheit/anbieter/{id:guid}", "PUT /api/gesundheit/anbieter/{id:guid}")
            .Exempt("öffentlich: nur veröffentlichte Angebote, keine Personendaten (Hsds/HsdsApiTests)", Hsds.HsdsApiTests.OeffentlicheEndpunkte)
            .Exempt("CSV statt JSON; den Bereich von gesundheit.angebote prüft der Import je Zeile (Import/AngeboteImportTests)", "POST /api/gesundheit/import/angebote")
            .Exempt(
                "gesundheit.verwalten lässt sich nicht einschränken: Barrieren und Maßnahmen führt der Kreis für alle Angebote, Anbieter sehen sie nicht",
                "GET /api/gesundheit/barrieren/", "GET /api/gesundheit/barrieren/{id:guid}", "POST /api/gesundheit/barrieren/",
                "POST /api/gesundheit/barrieren/{id:guid}/massnahmen", "POST /api/gesundheit/massnahmen/{id:guid}/status")
            .Exempt(
                "gesundheit.verwalten lässt sich nicht einschränken: die Abdeckung zeigt den ganzen Kreis; ein Bereich hätte keine Lücken, nur fehlende Zeilen",
                "GET /api/gesundheit/abdeckung", "GET /api/gesundheit/abdeckung.csv")
            .Exempt(
                "gesundheit.verwalten lässt sich nicht einschränken: die Begleitung durch Lotsen übergibt der Kreis für alle Angebote (Begleitung/BegleitungTests)",
                "GET /api/gesundheit/begleitung/verfuegbarkeit", "GET /api/gesundheit/begleitung/uebergaben", "POST /api/gesundheit/begleitung/uebergaben")
            .Exempt(
                "gesundheit.verwalten lässt sich nicht einschränken: die Öffentlichkeitsarbeit führt der Kreis für alle Kommunen, Anbieter sehen sie nicht",
                "GET /api/gesundheit/kampagnen/", "GET /api/gesundheit/kampagnen/{id:guid}", "POST /api/gesundheit/kampagnen/",
                "POST /api/gesundheit/kampagnen/{id:guid}/status", "GET /api/gesundheit/materialausgaben/", "POST /api/gesundheit/materialausgaben/",
                "GET /api/gesundheit/materialausgaben/zahlen", "GET /api/gesundheit/materialausgaben/zahlen.csv");

        Assert.That(await matrix.RunAsync(), Is.Empty);
    }

    [Test]
    public async Task Every_endpoint_answers_401_without_token_and_403_without_the_permission()
    {
        var endpoints = ApiEndpoints.Of(Host, "/api/gesundheit/");
        Assert.Multiple(async () =>
        {
            Assert.That(await ApiEndpoints.WithoutTokenAsync(Host, endpoints, Hsds.HsdsApiTests.OeffentlicheEndpunkte.ToHashSet()), Is.Empty);
            Assert.That(await ApiEndpoints.WithoutPermissionAsync(AdminApi, endpoints, Hsds.HsdsApiTests.OeffentlicheEndpunkte.ToHashSet()), Is.Empty, "the admin holds no Gesundheit permission");
        });
    }

    [Test]
    public async Task A_provider_account_sees_and_changes_its_own_offers_only_and_cannot_review()
    {
        var eigener = await AnbieterAsync(StaffApi, "Hebammenpraxis Sonnenschein (Bereich)");
        var fremder = await AnbieterAsync(StaffApi, "Logopädie Mümlingtal (Bereich)");
        var eigenes = await AngebotAsync(StaffApi, Body(eigener, [Erbach], "Rückbildung und Babypflege"));
        var fremdes = await AngebotAsync(StaffApi, Body(fremder, [Erbach], "Sprachförderung im Spiel"));
        using var anbieter = await ApiAsync("anbieter-bereich", TestGrant.InGroups("gesundheit.angebote", eigener));

        var liste = await anbieter.GetFromJsonAsync<JsonElement>("/api/gesundheit/angebote?groesse=200");
        using var fremdLesen = await anbieter.GetAsync($"/api/gesundheit/angebote/{fremdes}");
        using var fremdAendern = await anbieter.PutAsJsonAsync($"/api/gesundheit/angebote/{fremdes}", Body(fremder, [Erbach], "Übernommen"));
        using var verschieben = await anbieter.PutAsJsonAsync($"/api/gesundheit/angebote/{eigenes}", Body(fremder, [Erbach], "Rückbildung und Babypflege"));
        using var pruefen = await anbieter.PostAsJsonAsync($"/api/gesundheit/angebote/{eigenes}/pruefung", new { entscheidung = "freigeben" });
        var anbieterListe = await anbieter.GetFromJsonAsync<JsonElement>("/api/gesundheit/anbieter");

        Assert.Multiple(() =>
        {
            Assert.That(liste.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("id").GetString()), Is.EqualTo(new[] { eigenes }));
            Assert.That(fremdLesen.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(fremdAendern.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(verschieben.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(pruefen.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(anbieterListe.EnumerateArray().Select(a => a.GetProperty("id").GetString()), Is.EqualTo(new[] { eigener }));
        });
    }
}
