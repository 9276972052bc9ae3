using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Contracts.Web;
using IntegrationsPlattform.Modules.Schulungen.Domain;
using MediatR;

namespace IntegrationsPlattform.Modules.Schulungen.Features.Termine;

/// <summary>
/// The sessions the user may see, filtered by course, municipality, status and school year, by their first day, with
/// paging. Served from the indexes on <c>termine</c> (<c>beginnt_am</c>, course, status, municipality): the page's rows
/// first, then their counts, so that a list of thousands of sessions costs one page of work.
/// </summary>
internal sealed record ListTermine(string? Kurs, string? Kommune, string? Status, int? Schuljahr, int Seite = 1, int SeitenGroesse = Paging.DefaultPageSize)
    : IQuery<PagedList<TerminZeile>>;

internal sealed class ListTermineValidator(DeploymentInfo deployment) : IValidator<ListTermine>
{
    public Task<IReadOnlyList<FieldError>> ValidateAsync(ListTermine request, CancellationToken cancellationToken)
        => Task.FromResult(TerminPruefung.Filter(request.Kurs, request.Kommune, request.Status, request.Schuljahr, deployment));
}

internal sealed class ListTermineHandler(IModuleDatabase<SchulungenModule> database, ICurrentUser user) : IRequestHandler<ListTermine, PagedList<TerminZeile>>
{
    private sealed class Zeile
    {
        public string Id { get; init; } = "";
        public string KursId { get; init; } = "";
        public string Kurs { get; init; } = "";
        public string? Kommune { get; init; }
        public string? BeginntAm { get; init; }
        public string? EndetAm { get; init; }
        public long Kapazitaet { get; init; }
        public string Anmeldeschluss { get; init; } = "";
        public string Status { get; init; } = "";
    }

    public async Task<PagedList<TerminZeile>> Handle(ListTermine request, CancellationToken cancellationToken)
    {
        var groesse = Paging.PageSize(request.SeitenGroesse);
        var seite = Math.Max(1, request.Seite);
        var (von, bis) = request.Schuljahr is { } jahr ? TerminRegeln.SchuljahrSpanne(jahr) : (null, null);
        var parameter = new DynamicParameters(new
        {
            kurs = string.IsNullOrEmpty(request.Kurs) ? null : Guid.Parse(request.Kurs).ToString(),
            kommune = string.IsNullOrEmpty(request.Kommune) ? null : request.Kommune,
            status = string.IsNullOrEmpty(request.Status) ? null : request.Status,
            von, bis,
            take = groesse,
            skip = Paging.Offset(seite, groesse),
        });
        var where = $"""
            WHERE (@kurs IS NULL OR t.kurs_id = @kurs)
              AND (@kommune IS NULL OR t.kommune_ags = @kommune)
              AND (@status IS NULL OR t.status = @status)
              AND (@von IS NULL OR (t.beginnt_am >= @von AND t.beginnt_am < @bis))
              AND {TerminBereich.SqlCondition(TerminBereich.Of(user), parameter)}
            """;

        await using var connection = await database.OpenAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<int>($"SELECT count(*) FROM termine t {where}", parameter);
        var rows = (await connection.QueryAsync<Zeile>(
            $"""
            SELECT t.id, t.kurs_id AS KursId, k.titel AS Kurs, t.kommune_ags AS Kommune, t.beginnt_am AS BeginntAm, t.endet_am AS EndetAm,
                   t.kapazitaet, t.anmeldeschluss, t.status
            FROM termine t JOIN kurse k ON k.id = t.kurs_id {where}
            ORDER BY t.beginnt_am DESC, t.id LIMIT @take OFFSET @skip
            """,
            parameter)).ToList();
        var ids = rows.Select(r => r.Id).ToList();
        if (ids.Count == 0)
        {
            return new PagedList<TerminZeile>([], total, seite, groesse);
        }

        var belegung = (await connection.QueryAsync<(string TerminId, long Plaetze, long Wartend)>(
                "SELECT termin_id, count(*) FILTER (WHERE status IN @platz), count(*) FILTER (WHERE status = 'warteliste') FROM anmeldungen WHERE termin_id IN @ids GROUP BY termin_id",
                new { ids, platz = TerminRegeln.PlatzStatus }))
            .ToDictionary(b => b.TerminId);
        var zeiten = (await connection.QueryAsync<(string TerminId, long Anzahl)>(
                "SELECT termin_id, count(*) FROM termin_zeiten WHERE termin_id IN @ids GROUP BY termin_id", new { ids }))
            .ToDictionary(z => z.TerminId, z => (int)z.Anzahl);

        return new PagedList<TerminZeile>(
            rows.Select(r =>
            {
                belegung.TryGetValue(r.Id, out var b);
                return new TerminZeile(
                    r.Id, r.KursId, r.Kurs, r.Kommune, r.BeginntAm, r.EndetAm, zeiten.GetValueOrDefault(r.Id), (int)r.Kapazitaet, (int)b.Plaetze, (int)b.Wartend,
                    r.Anmeldeschluss, r.Status, Lebenszyklen.Termin.Label(r.Status));
            }).ToList(),
            total, seite, groesse);
    }
}
