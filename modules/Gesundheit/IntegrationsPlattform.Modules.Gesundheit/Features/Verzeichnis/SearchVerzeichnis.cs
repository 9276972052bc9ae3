using System.Globalization;
using System.Text;
using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Web;
using MediatR;

namespace IntegrationsPlattform.Modules.Gesundheit.Features.Verzeichnis;

/// <summary>
/// The public search of the directory: a text (title and description, in German and the visitor's language),
/// a language spoken on site, the child's age (<c>schwangerschaft</c> or whole years 0–17), a municipality, a
/// category, and only free offers; published offers valid on the host's date, sorted by title, paged.
/// </summary>
internal sealed record SearchVerzeichnis(string Anzeigesprache, string? Suche, string? Sprache, string? Alter, string? Kommune, string? Kategorie, bool NurKostenlos, int Seite = 1)
    : IQuery<PagedList<VerzeichnisTreffer>>
{
    public const int SeitenGroesse = 20;
    public const string Schwangerschaft = "schwangerschaft";
    public const int HoechstesAlter = 17;
}

internal sealed class SearchVerzeichnisValidator(DeploymentInfo deployment, GesundheitSettings settings) : IValidator<SearchVerzeichnis>
{
    public Task<IReadOnlyList<FieldError>> ValidateAsync(SearchVerzeichnis request, CancellationToken cancellationToken)
    {
        var fehler = new List<FieldError>();
        fehler.OptionalText("suche", request.Suche, 100);
        fehler.LanguageCode("sprache", request.Sprache);
        fehler.Municipality("kommune", request.Kommune, deployment, required: false);
        if (!string.IsNullOrEmpty(request.Alter) && request.Alter != SearchVerzeichnis.Schwangerschaft
            && !(int.TryParse(request.Alter, NumberStyles.None, CultureInfo.InvariantCulture, out var jahre) && jahre <= SearchVerzeichnis.HoechstesAlter))
        {
            fehler.Add(new FieldError("alter", $"Unbekanntes Alter „{FieldRules.Echo(request.Alter)}“ (erlaubt: schwangerschaft oder 0 bis {SearchVerzeichnis.HoechstesAlter})."));
        }

        if (!string.IsNullOrEmpty(request.Kategorie) && !settings.Kategorien.ContainsKey(request.Kategorie))
        {
            fehler.Add(new FieldError("kategorie", $"Unbekannte Kategorie „{FieldRules.Echo(request.Kategorie)}“."));
        }

        return Task.FromResult<IReadOnlyList<FieldError>>(fehler);
    }
}

internal sealed class SearchVerzeichnisHandler(IModuleDatabase<GesundheitModule> database, ILocalClock clock) : IRequestHandler<SearchVerzeichnis, PagedList<VerzeichnisTreffer>>
{
    private sealed record Zeile(string Id, string Kategorie, long Kostenlos);

    public async Task<PagedList<VerzeichnisTreffer>> Handle(SearchVerzeichnis request, CancellationToken cancellationToken)
    {
        var seite = Math.Max(1, request.Seite);
        var parameter = new DynamicParameters(new
        {
            heute = GermanFormat.StoredDay(clock.Today),
            anzeigesprache = request.Anzeigesprache,
            take = SearchVerzeichnis.SeitenGroesse,
            skip = Paging.Offset(seite, SearchVerzeichnis.SeitenGroesse),
        });
        var where = new StringBuilder(VerzeichnisSql.Sichtbar);
        if (!string.IsNullOrWhiteSpace(request.Suche))
        {
            where.Append(" AND EXISTS (SELECT 1 FROM angebot_texte s WHERE s.angebot_id = a.id AND s.fassung = 'veroeffentlicht' AND s.sprache IN ('de', @anzeigesprache) AND s.feld IN ('titel', 'beschreibung') AND s.text LIKE @suche ESCAPE '\\')");
            parameter.Add("suche", VerzeichnisSql.Enthaelt(request.Suche.Trim()));
        }

        if (!string.IsNullOrEmpty(request.Sprache))
        {
            where.Append(" AND EXISTS (SELECT 1 FROM angebot_sprachen sp WHERE sp.angebot_id = a.id AND sp.fassung = 'veroeffentlicht' AND sp.sprache = @sprache)");
            parameter.Add("sprache", Languages.Normalize(request.Sprache));
        }

        if (request.Alter == SearchVerzeichnis.Schwangerschaft)
        {
            where.Append(" AND f.ab_schwangerschaft = 1");
        }
        else if (!string.IsNullOrEmpty(request.Alter))
        {
            // A child of N years is between 12·N and 12·N + 11 months old: the offer's range must meet that year.
            where.Append(" AND f.alter_von_monate <= @bisMonate AND f.alter_bis_monate >= @abMonate");
            var jahre = int.Parse(request.Alter, CultureInfo.InvariantCulture);
            parameter.Add("abMonate", jahre * 12);
            parameter.Add("bisMonate", (jahre * 12) + 11);
        }

        if (!string.IsNullOrEmpty(request.Kommune))
        {
            // Written as IN, not EXISTS: SQLite then starts from the municipality's places (ix_orte_kommune, a twelfth of
            // the offers) instead of testing every published offer; with 5,000 offers the count took 12 ms, now 3–4 ms.
            where.Append(" AND a.id IN (SELECT ao.angebot_id FROM orte o JOIN angebot_orte ao ON ao.ort_id = o.id AND ao.fassung = 'veroeffentlicht' WHERE o.kommune_ags = @kommune)");
            parameter.Add("kommune", request.Kommune.Trim());
        }

        if (!string.IsNullOrEmpty(request.Kategorie))
        {
            where.Append(" AND f.kategorie = @kategorie");
            parameter.Add("kategorie", request.Kategorie);
        }

        if (request.NurKostenlos)
        {
            where.Append(" AND f.kostenlos = 1");
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<int>($"SELECT count(*) FROM angebote a, angebot_fassungen f WHERE {where}", parameter);
        var zeilen = (await connection.QueryAsync<Zeile>(
            $"""
            SELECT a.id, f.kategorie, f.kostenlos
            FROM angebote a, angebot_fassungen f
            LEFT JOIN angebot_texte ti ON ti.angebot_id = a.id AND ti.fassung = 'veroeffentlicht' AND ti.sprache = 'de' AND ti.feld = 'titel'
            WHERE {where}
            ORDER BY ti.text COLLATE NOCASE, a.id
            LIMIT @take OFFSET @skip
            """, parameter)).ToList();

        var ids = zeilen.Select(z => z.Id).ToList();
        var titel = await VerzeichnisSql.TexteAsync(connection, ids, request.Anzeigesprache, "titel");
        var orte = (await connection.QueryAsync<(string AngebotId, string Kommune, long Stufenlos)>(
            "SELECT ao.angebot_id, o.kommune_ags, o.stufenlos FROM angebot_orte ao JOIN orte o ON o.id = ao.ort_id WHERE ao.fassung = 'veroeffentlicht' AND ao.angebot_id IN @ids",
            new { ids })).ToLookup(o => o.AngebotId);
        var sprachen = (await connection.QueryAsync<(string AngebotId, string Sprache)>(
            "SELECT angebot_id, sprache FROM angebot_sprachen WHERE fassung = 'veroeffentlicht' AND angebot_id IN @ids ORDER BY sprache", new { ids })).ToLookup(s => s.AngebotId, s => s.Sprache);

        return new PagedList<VerzeichnisTreffer>(zeilen.Select(z => new VerzeichnisTreffer(
                z.Id,
                titel.GetValueOrDefault(z.Id)?.GetValueOrDefault("titel") ?? new Oeffentlich("", Languages.German.Code),
                z.Kategorie,
                orte[z.Id].Select(o => o.Kommune).Distinct().ToList(),
                z.Kostenlos == 1,
                orte[z.Id].Any() && orte[z.Id].All(o => o.Stufenlos == 1),
                sprachen[z.Id].ToList())).ToList(),
            total, seite, SearchVerzeichnis.SeitenGroesse);
    }
}
