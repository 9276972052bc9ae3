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

    [Test]
    public async Task The_translation_overview_shows_missing_and_outdated_translations_in_every_public_language()
    {
        var fehlt = await StaffApi.GetFromJsonAsync<JsonElement>("/api/gesundheit/uebersetzungen?stand=fehlt&groesse=200");
        var veraltet = await StaffApi.GetFromJsonAsync<JsonElement>("/api/gesundheit/uebersetzungen?stand=veraltet&groesse=200");
        using var connection = ModuleDatabase();
        var uebersetzt = connection.Query<string>("SELECT DISTINCT sprache FROM angebot_texte WHERE fassung = 'veroeffentlicht' AND sprache <> 'de'").ToList();

        Assert.Multiple(() =>
        {
            Assert.That(uebersetzt, Is.EquivalentTo(new[] { "en", "ar", "tr", "uk", "ru", "fa" }));
            Assert.That(fehlt.GetProperty("total").GetInt32(), Is.GreaterThan(0));
            Assert.That(veraltet.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("veraltet").GetInt32()), Is.Not.Empty.And.All.GreaterThan(0));
        });
    }

    [Test]
    public async Task Barriers_of_every_kind_lie_at_offers_and_in_municipalities_with_measures_in_every_status()
    {
        var liste = await StaffApi.GetFromJsonAsync<JsonElement>("/api/gesundheit/barrieren?groesse=200");
        var barrieren = liste.GetProperty("rows").EnumerateArray().ToList();
        var massnahmen = new List<JsonElement>();
        foreach (var barriere in barrieren)
        {
            var detail = await StaffApi.GetFromJsonAsync<JsonElement>($"/api/gesundheit/barrieren/{barriere.GetProperty("id").GetString()}");
            massnahmen.AddRange(detail.GetProperty("massnahmen").EnumerateArray());
        }

        Assert.Multiple(() =>
        {
            Assert.That(barrieren.Select(b => b.GetProperty("art").GetString()).Distinct(), Is.EquivalentTo(new[] { "sprache", "kosten", "mobilitaet", "information", "vertrauen", "oeffnungszeiten" }));
            Assert.That(barrieren.Any(b => b.GetProperty("angebotId").ValueKind == JsonValueKind.Null), Is.True, "eine Barriere nur in einer Kommune");
            Assert.That(barrieren.Any(b => b.GetProperty("kommuneAgs").ValueKind == JsonValueKind.Null), Is.True, "eine Barriere nur an einem Angebot");
            Assert.That(barrieren.Any(b => b.GetProperty("offeneMassnahmen").GetInt32() == 0), Is.True, "eine Barriere ohne Maßnahme");
            Assert.That(massnahmen.Select(m => m.GetProperty("status").GetString()).Distinct(), Is.EquivalentTo(new[] { "geplant", "laufend", "umgesetzt", "verworfen" }));
            Assert.That(massnahmen.Select(m => m.GetProperty("verantwortlich").GetString()), Is.All.Not.Empty);
        });
    }
}
