using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using IntegrationsPlattform.Modules.Lotsen.Tests.Register;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationsPlattform.Modules.Lotsen.Tests;

/// <summary>
/// The users' scope (municipalities, own records). Every endpoint of the module goes through the test kit's
/// <see cref="ScopeMatrix"/>: registered here is how to make a request, an assignment or a Lotse in a
/// municipality and a valid body for each write, or why an endpoint is exempt; a new endpoint fails the
/// matrix until it is registered.
/// </summary>
public sealed class BereichTests : LotsenFixture
{
    private const string Oberzent = "06437014";

    /// <summary>Planned assignments of the matrix lie in a month no demo assignment reaches, so that its list shows them on one page.</summary>
    private DateOnly EinsatzTag => Heute.AddDays(200);

    private DateOnly Heute => DateOnly.FromDateTime(Host.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);

    [Test]
    public async Task Every_endpoint_keeps_records_outside_the_users_scope_out_of_reach()
    {
        var matrix = new ScopeMatrix(Host, "Lotsen", inScope: Testdaten.Erbach, outOfScope: Oberzent)
            .List("GET /api/lotsen/anfragen", ags => $"kommune={ags}", AnfrageAsync)
            .Read("GET /api/lotsen/anfragen/{id:guid}", AnfrageAsync)
            .Read("GET /api/lotsen/anfragen/{id:guid}/vorschlaege", AnfrageAsync)
            .Create("POST /api/lotsen/anfragen", ziel => Task.FromResult(Anfrage(ziel.Municipality)))
            .Change("POST /api/lotsen/anfragen/{id:guid}/status", AnfrageAsync, () => Task.FromResult<object>(new { status = "abgebrochen", grund = "Matrix" }))
            .Change("POST /api/lotsen/anfragen/{id:guid}/aktivitaeten", AnfrageAsync, () => Task.FromResult<object>(new { art = "notiz", notiz = "Matrix" }))
            .Change("POST /api/lotsen/anfragen/{id:guid}/vermittlung", AnfrageAsync, VermittlungAsync)
            .Change("POST /api/lotsen/anfragen/{id:guid}/einsaetze", async ags => (await VermittelteAnfrageAsync(ags)).Anfrage,
                () => Task.FromResult<object>(new { tag = Tag(EinsatzTag), beginn = "14:00", dauerMinuten = 60, abweichungGrund = "Matrix" }))
            .List("GET /api/lotsen/einsaetze", _ => $"monat={EinsatzTag:yyyy-MM}", async ags => (await VermittelteAnfrageAsync(ags)).Einsatz)
            .Read("GET /api/lotsen/einsaetze/{id:guid}", async ags => (await VermittelteAnfrageAsync(ags)).Einsatz)
            .Change("POST /api/lotsen/einsaetze/{id:guid}/erfassung", async ags => (await VermittelteAnfrageAsync(ags)).Einsatz,
                () => Task.FromResult<object>(new { status = "ausgefallen" }))
            .List("GET /api/lotsen/lotsen/", ags => $"kommune={ags}&groesse=200", async ags => (await LotseAsync(ags)).Id)
            .List("GET /api/lotsen/lotsen/export.csv", ags => $"kommune={ags}", async ags => (await LotseAsync(ags)).Nachname)
            .Read("GET /api/lotsen/lotsen/{id:guid}", async ags => (await LotseAsync(ags)).Id)
            .Create("POST /api/lotsen/lotsen/", ziel => Task.FromResult<object>(Lotse(ziel.Municipalities)))
            .Move("PUT /api/lotsen/lotsen/{id:guid}", async ags => (await LotseAsync(ags)).Id, ziel => Task.FromResult<object>(Lotse(ziel.Municipalities)))
            .Change("POST /api/lotsen/lotsen/{id:guid}/status", async ags => (await LotseAsync(ags)).Id, () => Task.FromResult<object>(new { status = "in_schulung" }))
            .Change("POST /api/lotsen/lotsen/{id:guid}/qualifikationen", async ags => (await LotseAsync(ags)).Id,
                () => Task.FromResult<object>(new { art = "basisqualifizierung", datum = Tag(Heute.AddDays(-10)), anbieter = "Land Hessen" }))
            .Change("POST /api/lotsen/lotsen/{id:guid}/einwilligung", async ags => (await LotseAsync(ags)).Id, () => Task.FromResult<object>(new { am = Tag(Heute.AddDays(-1)) }))
            .Exempt(
                "lotsen.traeger lässt sich nicht einschränken: die Trägersuche gilt für den ganzen Kreis",
                "GET /api/lotsen/traeger/", "GET /api/lotsen/traeger/abdeckung", "GET /api/lotsen/traeger/{id:guid}", "POST /api/lotsen/traeger/",
                "PUT /api/lotsen/traeger/{id:guid}", "POST /api/lotsen/traeger/{id:guid}/status", "GET /api/lotsen/traeger/{id:guid}/kontakte",
                "POST /api/lotsen/traeger/{id:guid}/kontakte", "POST /api/lotsen/traeger/{id:guid}/vereinbarungen",
                "POST /api/lotsen/traeger/{id:guid}/vereinbarungen/{vereinbarung:guid}/beenden", "GET /api/lotsen/traeger.csv")
            .Exempt("nur Kennzahlen ohne Personenbezug; lotsen.berichte lässt sich nicht einschränken", "GET /api/lotsen/berichte")
            .Exempt(
                "CSV-Import: jede Zeile geht durch dieselbe Schreibprüfung und wird außerhalb des Bereichs als fehlerhafte Zeile gemeldet (ImportApiTests)",
                "POST /api/lotsen/import/lotsen", "POST /api/lotsen/import/traeger");

        Assert.That(await matrix.RunAsync(), Is.Empty);
    }

    [Test]
    public async Task Every_endpoint_answers_401_without_token_and_403_without_the_permission()
    {
        var endpoints = ApiEndpoints.Of(Host, "/api/lotsen/");
        Assert.Multiple(async () =>
        {
            Assert.That(await ApiEndpoints.WithoutTokenAsync(Host, endpoints, new HashSet<string>()), Is.Empty);
            Assert.That(await ApiEndpoints.WithoutPermissionAsync(AdminApi, endpoints, new HashSet<string>()), Is.Empty, "the admin holds no Lotsen permission");
        });
    }

    [Test]
    public async Task The_demo_coordinator_cannot_put_a_request_into_Oberzent_and_the_refusal_is_audited()
    {
        using var koordination = await Host.ApiClientAsync("koordination", "Demo-Koordination-2026");
        var vorher = Count("anfragen");

        using var response = await koordination.PostAsJsonAsync("/api/lotsen/anfragen", Anfrage(Oberzent));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var protokoll = await LotsenApi.AuditAsync(AdminApi, "koordination");

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(problem.GetProperty("detail").GetString(), Does.StartWith("Außerhalb Ihres Bereichs"));
            Assert.That(problem.GetProperty("errors").GetProperty("kommuneAgs")[0].GetString(), Is.EqualTo(problem.GetProperty("detail").GetString()));
            Assert.That(Count("anfragen"), Is.EqualTo(vorher), "nothing written");
            Assert.That(
                protokoll.GetProperty("rows").EnumerateArray().Where(r => r.GetProperty("action").GetString() == "Refused").Select(r =>
                    $"{r.GetProperty("userName").GetString()} {r.GetProperty("module").GetString()} {r.GetProperty("recordType").GetString()} {r.GetProperty("endpoint").GetString()} {r.GetProperty("details").GetString()}"),
                Has.One.EqualTo($"koordination Lotsen Anfrage POST /api/lotsen/anfragen lotsen.bearbeiten: Kommunen außerhalb des Bereichs {Oberzent}"));
        });
    }

    private static string Tag(DateOnly tag) => tag.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private object Anfrage(string ags) => new
    {
        kennung = "M.X.",
        sprachen = new[] { "ar" },
        thema = "behoerden",
        kommuneAgs = ags,
        datumVon = Tag(Heute.AddDays(7)),
        datumBis = Tag(Heute.AddDays(14)),
        vermitteltDurch = "jobcenter",
    };

    private async Task<string> AnfrageAsync(string ags)
    {
        using var response = await StaffApi.PostAsJsonAsync("/api/lotsen/anfragen", Anfrage(ags));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    /// <summary>Assigns a new active Lotse, outside any stated availability (with a reason), on the matrix's day.</summary>
    private Task<object> VermittlungAsync()
    {
        string lotse;
        using (var db = ModuleDatabase())
        {
            lotse = Testdaten.Anlegen(db, new("Matrix"));
        }

        return Task.FromResult<object>(new { lotseId = lotse, tag = Tag(EinsatzTag), beginn = "10:00", dauerMinuten = 60, abweichungGrund = "Matrix" });
    }

    private async Task<(string Anfrage, string Einsatz)> VermittelteAnfrageAsync(string ags)
    {
        var anfrage = await AnfrageAsync(ags);
        using var response = await StaffApi.PostAsJsonAsync($"/api/lotsen/anfragen/{anfrage}/vermittlung", await VermittlungAsync());
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (anfrage, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("einsatzId").GetString()!);
    }

    private JsonObject Lotse(IReadOnlyList<string> kommunen)
    {
        var daten = LotsenApi.Gueltig("Matrix" + Guid.NewGuid().ToString("N")[..8], kommunen: [.. kommunen]);
        daten["einwilligungAm"] = Tag(Heute.AddDays(-3));
        return daten;
    }

    private async Task<(string Id, string Nachname)> LotseAsync(string ags)
    {
        var daten = Lotse([ags]);
        return (await LotsenApi.AnlegenAsync(StaffApi, daten), daten["nachname"]!.GetValue<string>());
    }
}
