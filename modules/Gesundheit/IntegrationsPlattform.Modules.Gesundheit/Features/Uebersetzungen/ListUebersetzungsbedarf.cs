using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Contracts.Web;
using IntegrationsPlattform.Modules.Gesundheit.Features.Angebote;
using MediatR;

namespace IntegrationsPlattform.Modules.Gesundheit.Features.Uebersetzungen;

/// <summary>
/// The overview of what is left to translate: per offer (not archived) and public language, how many of its German
/// texts have no translation and how many translations are outdated; filtered by language and by what is missing
/// (<see cref="Uebersetzungsstand.Fehlt"/> or <see cref="Uebersetzungsstand.Veraltet"/>), most work first.
/// </summary>
internal sealed record ListUebersetzungsbedarf(string? Sprache, string? Stand, int Seite = 1, int SeitenGroesse = Paging.DefaultPageSize) : IQuery<PagedList<UebersetzungsbedarfZeile>>;

internal sealed class ListUebersetzungsbedarfValidator(DeploymentInfo deployment) : IValidator<ListUebersetzungsbedarf>
{
    public Task<IReadOnlyList<FieldError>> ValidateAsync(ListUebersetzungsbedarf request, CancellationToken cancellationToken)
    {
        var fehler = new List<FieldError>();
        if (fehler.PublicLanguage("sprache", request.Sprache, deployment) == Languages.German.Code)
        {
            fehler.Add(new FieldError("sprache", "Deutsch ist der Ausgangstext und wird nicht übersetzt."));
        }

        if (!string.IsNullOrEmpty(request.Stand) && !Uebersetzungsstand.Alle.Contains(request.Stand))
        {
            fehler.Add(new FieldError("stand", $"Unbekannter Stand „{FieldRules.Echo(request.Stand)}“ (erlaubt: fehlt, veraltet)."));
        }

        return Task.FromResult<IReadOnlyList<FieldError>>(fehler);
    }
}

internal sealed class ListUebersetzungsbedarfHandler(IModuleDatabase<GesundheitModule> database, ICurrentUser user, DeploymentInfo deployment) : IRequestHandler<ListUebersetzungsbedarf, PagedList<UebersetzungsbedarfZeile>>
{
    /// <summary>A row as Dapper maps it by name: an aggregate column of an empty result has no type SQLite can tell, which a constructor would refuse.</summary>
    private sealed class Zeile
    {
        public string AngebotId { get; init; } = "";

        public string Titel { get; init; } = "";

        public string Sprache { get; init; } = "";

        public long Fehlend { get; init; }

        public long Veraltet { get; init; }
    }

    public async Task<PagedList<UebersetzungsbedarfZeile>> Handle(ListUebersetzungsbedarf request, CancellationToken cancellationToken)
    {
        var groesse = Paging.PageSize(request.SeitenGroesse);
        var seite = Math.Max(1, request.Seite);
        var sprachen = deployment.PublicLanguages.Where(l => l != Languages.German && (request.Sprache is null || l.Code == Languages.Normalize(request.Sprache))).ToList();
        if (sprachen.Count == 0)
        {
            return new PagedList<UebersetzungsbedarfZeile>([], 0, seite, groesse);
        }

        var parameter = new DynamicParameters(new { take = groesse, skip = Paging.Offset(seite, groesse) });
        var scope = RecordScope.Of(user, GesundheitModule.Angebote).SqlCondition(AngeboteSql.InKommunen, ownerColumn: null, parameter, groupColumn: "a.anbieter_id");
        // The languages as a table of parameters, so that a language without any translation counts as missing.
        var werte = string.Join(", ", sprachen.Select((s, i) => $"(@sprache{i})"));
        for (var i = 0; i < sprachen.Count; i++)
        {
            parameter.Add($"sprache{i}", sprachen[i].Code);
        }

        var bedarf = request.Stand switch
        {
            Uebersetzungsstand.Fehlt => "fehlend > 0",
            Uebersetzungsstand.Veraltet => "veraltet > 0",
            _ => "fehlend > 0 OR veraltet > 0",
        };
        var sql = $"""
            WITH sprachen (code) AS (VALUES {werte}),
            bedarf AS (
                SELECT g.angebot_id, s.code AS sprache,
                       coalesce(sum(t.feld IS NULL), 0) AS fehlend,
                       coalesce(sum(t.de_revision < g.revision), 0) AS veraltet
                FROM angebot_texte g
                JOIN angebote a ON a.id = g.angebot_id
                CROSS JOIN sprachen s
                LEFT JOIN angebot_texte t ON t.angebot_id = g.angebot_id AND t.fassung = g.fassung AND t.sprache = s.code AND t.feld = g.feld
                WHERE g.fassung = 'arbeit' AND g.sprache = 'de' AND a.status <> 'archiviert' AND {scope}
                GROUP BY g.angebot_id, s.code)
            """;

        await using var connection = await database.OpenAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<int>($"{sql} SELECT count(*) FROM bedarf WHERE {bedarf}", parameter);
        var rows = await connection.QueryAsync<Zeile>(
            $"""
            {sql}
            SELECT b.angebot_id AS AngebotId, coalesce(ti.text, '(ohne Titel)') AS Titel, b.sprache, b.fehlend, b.veraltet
            FROM bedarf b
            LEFT JOIN angebot_texte ti ON ti.angebot_id = b.angebot_id AND ti.fassung = 'arbeit' AND ti.sprache = 'de' AND ti.feld = 'titel'
            WHERE {bedarf}
            ORDER BY b.fehlend + b.veraltet DESC, ti.text COLLATE NOCASE, b.angebot_id, b.sprache
            LIMIT @take OFFSET @skip
            """, parameter);
        return new PagedList<UebersetzungsbedarfZeile>(
            rows.Select(r => new UebersetzungsbedarfZeile(r.AngebotId, r.Titel, r.Sprache, Languages.GermanName(r.Sprache), (int)r.Fehlend, (int)r.Veraltet)).ToList(),
            total, seite, groesse);
    }
}
