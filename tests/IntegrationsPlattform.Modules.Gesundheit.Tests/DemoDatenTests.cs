using System.Net.Http.Json;
using System.Text.Json;
using Dapper;

namespace IntegrationsPlattform.Modules.Gesundheit.Tests;

/// <summary>The demo data fill every page: about 60 offers in all 12 municipalities and every category and status, and the provider account <c>praxis</c>.</summary>
public sealed class DemoDatenTests : GesundheitFixture
{
    [Test]
    public void About_sixty_offers_cover_every_municipality_category_and_status()
    {
        using var connection = ModuleDatabase();
        var kommunen = connection.ExecuteScalar<long>(
            "SELECT count(DISTINCT o.kommune_ags) FROM angebot_orte ao JOIN orte o ON o.id = ao.ort_id WHERE ao.fassung = 'arbeit'");
        var kategorien = connection.ExecuteScalar<long>("SELECT count(DISTINCT kategorie) FROM angebot_fassungen WHERE fassung = 'arbeit'");
        var status = connection.Query<string>("SELECT DISTINCT status FROM angebote").ToList();

        Assert.Multiple(() =>
        {
            Assert.That(Count("angebote"), Is.InRange(55, 65));
            Assert.That(kommunen, Is.EqualTo(12));
            Assert.That(kategorien, Is.EqualTo(8));
            Assert.That(status, Is.EquivalentTo(new[] { "entwurf", "zur_pruefung", "veroeffentlicht", "archiviert" }));
            Assert.That(Count("angebote", "aenderung_status = 'zur_pruefung'"), Is.GreaterThan(0));
        });
    }

    [Test]
    public async Task The_demo_practice_signs_in_and_sees_only_its_own_offers()
    {
        using var praxis = await Host.ApiClientAsync("praxis", "Demo-Praxis-2026");
        var eigene = await praxis.GetFromJsonAsync<JsonElement>("/api/gesundheit/angebote?groesse=200");
        var alle = await StaffApi.GetFromJsonAsync<JsonElement>("/api/gesundheit/angebote?groesse=200");
        var anbieter = eigene.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("anbieterName").GetString()).Distinct().ToList();

        Assert.Multiple(() =>
        {
            Assert.That(eigene.GetProperty("total").GetInt32(), Is.GreaterThan(0));
            Assert.That(anbieter, Is.EqualTo(new[] { "Kinderarztpraxis Dr. Aydın" }));
            Assert.That(alle.GetProperty("total").GetInt32(), Is.GreaterThan(eigene.GetProperty("total").GetInt32()));
        });
    }

    [Test]
    public async Task Offers_not_reviewed_for_a_year_are_flagged_on_the_staff_list()
    {
        var faellig = await StaffApi.GetFromJsonAsync<JsonElement>("/api/gesundheit/angebote?faellig=true&groesse=200");

        Assert.That(faellig.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("pruefungFaellig").GetBoolean()), Is.Not.Empty.And.All.True);
    }
}
