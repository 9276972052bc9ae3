using System.Data;
using System.Text.Json;
using Dapper;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Web;
using Microsoft.Extensions.Localization;

namespace IntegrationsPlattform.Modules.Gesundheit.Features.Hsds;

/// <summary>
/// Reads published offers with everything HSDS nests in a service — provider, languages, places with address and
/// access, opening times — in a handful of queries for any selection of ids, and maps them to HSDS. Whatever it is asked
/// for, it answers only what is public (<see cref="HsdsSql"/>): an unpublished id is simply left out. Texts come in the
/// requested language where a translation exists, else in German; so do the module's own phrases (interpreter on request,
/// free of charge, step-free access: the public directory's texts in the request's language, which the host sets from
/// <c>?lang=</c>).
/// </summary>
internal sealed class HsdsLeser(DeploymentInfo deployment, IPublicLinks links, ILocalClock clock, IStringLocalizer<VerzeichnisTexte> phrasen)
{
    private const string Deutsch = "de";

    /// <summary>HSDS's <c>state_province</c> of an address: the Land, from the first two digits of the municipality's AGS.</summary>
    private static readonly IReadOnlyDictionary<string, string> Laender = new Dictionary<string, string>
    {
        ["01"] = "Schleswig-Holstein", ["02"] = "Hamburg", ["03"] = "Niedersachsen", ["04"] = "Bremen",
        ["05"] = "Nordrhein-Westfalen", ["06"] = "Hessen", ["07"] = "Rheinland-Pfalz", ["08"] = "Baden-Württemberg",
        ["09"] = "Bayern", ["10"] = "Saarland", ["11"] = "Berlin", ["12"] = "Brandenburg",
        ["13"] = "Mecklenburg-Vorpommern", ["14"] = "Sachsen", ["15"] = "Sachsen-Anhalt", ["16"] = "Thüringen",
    };

    private const string OrtSpalten = "o.id, o.anbieter_id AS AnbieterId, o.name, o.strasse, o.plz, o.ort, o.kommune_ags AS KommuneAgs, o.stufenlos, o.breite, o.laenge";

    private sealed record AngebotZeile(
        string Id, string AnbieterId, long AlterVonMonate, long AlterBisMonate, long Kostenlos, long DolmetscherAufAnfrage,
        string? GueltigVon, string? GueltigBis, string GeprueftAm);

    private sealed record TextZeile(string AngebotId, string Sprache, string Feld, string Text);

    private sealed record AnbieterZeile(string Id, string Name, string? Beschreibung, string? Email, string? Website, string? Telefon);

    private sealed record SpracheZeile(string AngebotId, string Sprache);

    /// <summary>A place, with the offer held there when read for services (Dapper fills it by name: the place list reads no offer).</summary>
    private sealed class OrtZeile
    {
        public string AngebotId { get; init; } = "";
        public string Id { get; init; } = "";
        public string AnbieterId { get; init; } = "";
        public string Name { get; init; } = "";
        public string Strasse { get; init; } = "";
        public string Plz { get; init; } = "";
        public string Ort { get; init; } = "";
        public string KommuneAgs { get; init; } = "";
        public long Stufenlos { get; init; }
        public double? Breite { get; init; }
        public double? Laenge { get; init; }
    }

    private sealed record ZeitZeile(
        string Id, string AngebotId, string? OrtId, string? Freq, string? Byday, string? Datum, string OpensAt, string ClosesAt, string? Beschreibung);

    /// <summary>
    /// The services of those of the given offers that are published, in the order of <paramref name="ids"/>. <paramref name="verschachtelt"/>:
    /// with languages, schedules and places (a full service), else the one-to-one fields of a list entry;
    /// <paramref name="mitAnbieter"/>: with the provider nested.
    /// </summary>
    public async Task<IReadOnlyList<HsdsService>> ServicesAsync(
        IDbConnection connection, IReadOnlyList<string> ids, string sprache, bool verschachtelt, bool mitAnbieter, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var parameter = new { ids = JsonSerializer.Serialize(ids), sprache, heute = Heute };
        async Task<List<T>> Lesen<T>(string sql) =>
            (await connection.QueryAsync<T>(new CommandDefinition(sql, parameter, cancellationToken: cancellationToken))).ToList();

        var angebote = (await Lesen<AngebotZeile>($"""
            SELECT a.id, a.anbieter_id AS AnbieterId, f.alter_von_monate AS AlterVonMonate, f.alter_bis_monate AS AlterBisMonate,
                   f.kostenlos, f.dolmetscher_auf_anfrage AS DolmetscherAufAnfrage, f.gueltig_von AS GueltigVon, f.gueltig_bis AS GueltigBis,
                   a.geprueft_am AS GeprueftAm
            {HsdsSql.Veroeffentlicht} AND a.id IN {HsdsSql.Auswahl}
            """)).ToDictionary(a => a.Id);
        var texte = (await Lesen<TextZeile>($"""
            SELECT angebot_id AS AngebotId, sprache, feld, text FROM angebot_texte
            WHERE fassung = 'veroeffentlicht' AND sprache IN ('{Deutsch}', @sprache) AND angebot_id IN {HsdsSql.Auswahl}
            """)).ToLookup(t => t.AngebotId);
        var anbieter = mitAnbieter
            ? (await AnbieterAsync(connection, angebote.Values.Select(a => a.AnbieterId).Distinct().ToList(), cancellationToken)).ToDictionary(a => a.Id)
            : [];
        var sprachen = verschachtelt
            ? (await Lesen<SpracheZeile>($"""
                SELECT angebot_id AS AngebotId, sprache FROM angebot_sprachen
                WHERE fassung = 'veroeffentlicht' AND angebot_id IN {HsdsSql.Auswahl} ORDER BY sprache
                """)).ToLookup(s => s.AngebotId)
            : null;
        var orte = verschachtelt
            ? (await Lesen<OrtZeile>($"""
                SELECT ao.angebot_id AS AngebotId, {OrtSpalten}
                FROM angebot_orte ao JOIN orte o ON o.id = ao.ort_id
                WHERE ao.fassung = 'veroeffentlicht' AND ao.angebot_id IN {HsdsSql.Auswahl} ORDER BY o.name, o.id
                """)).ToLookup(o => o.AngebotId)
            : null;
        var zeiten = verschachtelt
            ? (await Lesen<ZeitZeile>($"""
                SELECT id, angebot_id AS AngebotId, ort_id AS OrtId, freq, byday, datum, opens_at AS OpensAt, closes_at AS ClosesAt, beschreibung
                FROM oeffnungszeiten
                WHERE fassung = 'veroeffentlicht' AND angebot_id IN {HsdsSql.Auswahl} ORDER BY datum, byday, opens_at, id
                """)).ToLookup(z => z.AngebotId)
            : null;

        return ids.Where(angebote.ContainsKey).Select(id =>
        {
            var angebot = angebote[id];
            var text = Uebersetzung(texte[id].ToList(), sprache);
            return new HsdsService(
                Id: angebot.Id,
                OrganizationId: angebot.AnbieterId,
                Name: text("titel") ?? "",
                Description: text("beschreibung"),
                Url: links.Absolute($"/gesundheit/angebote/{angebot.Id}").ToString(),
                Status: "active",
                InterpretationServices: angebot.DolmetscherAufAnfrage == 1 ? phrasen["Interpreter"].Value : null,
                ApplicationProcess: text("anmeldung"),
                FeesDescription: text("kosten") ?? (angebot.Kostenlos == 1 ? phrasen["Free"].Value : null),
                EligibilityDescription: text("voraussetzungen"),
                MinimumAge: Jahre(angebot.AlterVonMonate),
                MaximumAge: Jahre(angebot.AlterBisMonate),
                LastModified: GermanFormat.ParseStoredInstant(angebot.GeprueftAm),
                Organization: mitAnbieter ? Organization(anbieter[angebot.AnbieterId], vollstaendig: false) : null,
                Languages: sprachen?[id].Select(s => new HsdsLanguage(HsdsIds.Derived(id, "sprache", s.Sprache), id, Languages.GermanName(s.Sprache), s.Sprache)).ToList(),
                Schedules: zeiten?[id].Where(z => z.OrtId is null || !orte![id].Any(o => o.Id == z.OrtId)).Select(z => Schedule(z, angebot, serviceAtLocationId: null)).ToList(),
                ServiceAtLocations: orte?[id].Select(o => ServiceAtLocation(angebot, o, zeiten![id].Where(z => z.OrtId == o.Id))).ToList());
        }).ToList();
    }

    /// <summary>Providers by id, in the order asked; <paramref name="vollstaendig"/> for the full form (with phones).</summary>
    public async Task<IReadOnlyList<HsdsOrganization>> OrganizationsAsync(IDbConnection connection, IReadOnlyList<string> ids, bool vollstaendig, CancellationToken cancellationToken)
    {
        var gelesen = (await AnbieterAsync(connection, ids, cancellationToken)).ToDictionary(a => a.Id);
        return ids.Where(gelesen.ContainsKey).Select(id => Organization(gelesen[id], vollstaendig)).ToList();
    }

    /// <summary>Places by id where a published offer is held, in the order asked.</summary>
    public async Task<IReadOnlyList<HsdsLocation>> LocationsAsync(IDbConnection connection, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var gelesen = (await connection.QueryAsync<OrtZeile>(new CommandDefinition(
            $"SELECT {OrtSpalten} FROM orte o WHERE o.id IN {HsdsSql.Auswahl} AND {HsdsSql.OrtVeroeffentlicht}",
            new { ids = JsonSerializer.Serialize(ids), heute = Heute }, cancellationToken: cancellationToken))).ToDictionary(o => o.Id);
        return ids.Where(gelesen.ContainsKey).Select(id => Location(gelesen[id])).ToList();
    }

    private string Heute => GermanFormat.StoredDay(clock.Today);

    /// <summary>The distinct places of the given services, ordered by name.</summary>
    public static IReadOnlyList<HsdsLocation> LocationsOf(IEnumerable<HsdsService> services) =>
        services.SelectMany(s => s.ServiceAtLocations ?? []).Select(sal => sal.Location)
            .DistinctBy(l => l.Id).OrderBy(l => l.Name, StringComparer.CurrentCulture).ThenBy(l => l.Id, StringComparer.Ordinal).ToList();

    private async Task<IEnumerable<AnbieterZeile>> AnbieterAsync(IDbConnection connection, IReadOnlyList<string> ids, CancellationToken cancellationToken) =>
        await connection.QueryAsync<AnbieterZeile>(new CommandDefinition(
            $"SELECT id, name, beschreibung, email, website, telefon FROM anbieter WHERE id IN {HsdsSql.Auswahl}",
            new { ids = JsonSerializer.Serialize(ids) }, cancellationToken: cancellationToken));

    /// <summary>A field's text in <paramref name="sprache"/>, else German, else none.</summary>
    private static Func<string, string?> Uebersetzung(IReadOnlyList<TextZeile> texte, string sprache) => feld =>
        (texte.FirstOrDefault(t => t.Feld == feld && t.Sprache == sprache) ?? texte.FirstOrDefault(t => t.Feld == feld && t.Sprache == Deutsch))?.Text;

    /// <summary>HSDS counts ages in years; the module keeps months (an offer from 6 months gives 0.5).</summary>
    private static decimal Jahre(long monate) => GermanFormat.Round(monate / 12m, 2);

    private static HsdsOrganization Organization(AnbieterZeile anbieter, bool vollstaendig) => new(
        anbieter.Id,
        anbieter.Name,
        anbieter.Beschreibung ?? "",
        anbieter.Email is { } email && FieldRules.IsEmail(email) ? email : null,
        Webadresse(anbieter.Website),
        !vollstaendig ? null : string.IsNullOrWhiteSpace(anbieter.Telefon) ? [] : [new HsdsPhone(HsdsIds.Derived(anbieter.Id, "phone"), anbieter.Id, anbieter.Telefon.Trim())]);

    /// <summary>A provider's website as an absolute http(s) URI (HSDS's <c>format: uri</c>); „www.praxis.de“ gets https.</summary>
    private static string? Webadresse(string? website)
    {
        if (string.IsNullOrWhiteSpace(website))
        {
            return null;
        }

        var text = website.Trim();
        var mitSchema = text.Contains("://", StringComparison.Ordinal) ? text : "https://" + text;
        return Uri.TryCreate(mitSchema, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && uri.Host.Contains('.')
            ? uri.ToString()
            : null;
    }

    private HsdsServiceAtLocation ServiceAtLocation(AngebotZeile angebot, OrtZeile ort, IEnumerable<ZeitZeile> zeiten)
    {
        var id = HsdsIds.Derived(angebot.Id, "ort", ort.Id);
        return new HsdsServiceAtLocation(id, angebot.Id, ort.Id, Location(ort), zeiten.Select(z => Schedule(z, angebot, id)).ToList());
    }

    private HsdsLocation Location(OrtZeile ort) => new(
        ort.Id,
        "physical",
        ort.AnbieterId,
        ort.Name,
        ort.Breite,
        ort.Laenge,
        [new HsdsAddress(
            HsdsIds.Derived(ort.Id, "adresse"),
            ort.Id,
            ort.Strasse,
            ort.Ort,
            deployment.KreisName,
            Laender.GetValueOrDefault(ort.KommuneAgs[..2], ""),
            ort.Plz,
            "DE",
            "physical")],
        ort.Stufenlos == 1 ? [new HsdsAccessibility(HsdsIds.Derived(ort.Id, "zugang"), ort.Id, phrasen["StepFree"].Value)] : []);

    /// <summary>
    /// A rule holds within the offer's validity; a single day (an Impftag) is its own start and end. A schedule at a place
    /// names the offer-at-place only, one for the whole offer the service.
    /// </summary>
    private static HsdsSchedule Schedule(ZeitZeile zeit, AngebotZeile angebot, string? serviceAtLocationId) => new(
        Id: zeit.Id,
        ServiceId: serviceAtLocationId is null ? angebot.Id : null,
        ServiceAtLocationId: serviceAtLocationId,
        ValidFrom: zeit.Datum ?? angebot.GueltigVon,
        ValidTo: zeit.Datum ?? angebot.GueltigBis,
        Dtstart: zeit.Datum,
        Freq: zeit.Freq,
        Byday: zeit.Byday,
        OpensAt: zeit.OpensAt,
        ClosesAt: zeit.ClosesAt,
        Description: zeit.Beschreibung);
}
