using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Web;
using IntegrationsPlattform.Modules.Schulungen.Domain;
using IntegrationsPlattform.Modules.Schulungen.Storage;
using MediatR;

namespace IntegrationsPlattform.Modules.Schulungen.Features.Kurse;

/// <summary>The catalogue with filters (status, title search) and paging, by title.</summary>
internal sealed record ListKurse(string? Status, string? Suche, int Seite = 1, int SeitenGroesse = Paging.DefaultPageSize) : IQuery<PagedList<KursZeile>>;

internal sealed class ListKurseValidator : IValidator<ListKurse>
{
    public Task<IReadOnlyList<FieldError>> ValidateAsync(ListKurse request, CancellationToken cancellationToken)
        => Task.FromResult(KursPruefung.Filter(request.Status, request.Suche));
}

internal sealed class ListKurseHandler(IModuleDatabase<SchulungenModule> database) : IRequestHandler<ListKurse, PagedList<KursZeile>>
{
    private const string Where = """
        WHERE (@status IS NULL OR k.status = @status)
          AND (@suche IS NULL OR k.titel LIKE '%' || @suche || '%' ESCAPE '\')
        """;

    // A class, not a positional record: on an empty page SQLite reports no type for the computed column, and Dapper
    // matches a record's constructor by column types.
    private sealed class Zeile
    {
        public string Id { get; init; } = "";
        public string Titel { get; init; } = "";
        public string Format { get; init; } = "";
        public long Unterrichtseinheiten { get; init; }
        public double Stunden { get; init; }
        public string Status { get; init; } = "";
        public long Termine { get; init; }
    }

    public async Task<PagedList<KursZeile>> Handle(ListKurse request, CancellationToken cancellationToken)
    {
        var groesse = Paging.PageSize(request.SeitenGroesse);
        var seite = Math.Max(1, request.Seite);
        var parameter = new DynamicParameters(new
        {
            status = string.IsNullOrEmpty(request.Status) ? null : request.Status,
            suche = Suchtext.Like(request.Suche),
            take = groesse,
            skip = Paging.Offset(seite, groesse),
        });

        await using var connection = await database.OpenAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<int>($"SELECT count(*) FROM kurse k {Where}", parameter);
        var rows = await connection.QueryAsync<Zeile>(
            $"""
            SELECT k.id, k.titel, k.format, k.unterrichtseinheiten, k.stunden, k.status,
                   (SELECT count(*) FROM termine t WHERE t.kurs_id = k.id) AS termine
            FROM kurse k {Where}
            ORDER BY k.titel COLLATE NOCASE LIMIT @take OFFSET @skip
            """,
            parameter);
        return new PagedList<KursZeile>(
            rows.Select(r => new KursZeile(
                r.Id, r.Titel, r.Format, KursRegeln.FormatText(r.Format), (int)r.Unterrichtseinheiten, (decimal)r.Stunden,
                r.Status, Lebenszyklen.Kurs.Label(r.Status), (int)r.Termine)).ToList(),
            total, seite, groesse);
    }
}
