using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Web;
using IntegrationsPlattform.Modules.Schulungen.Storage;
using MediatR;

namespace IntegrationsPlattform.Modules.Schulungen.Features.Schulen;

/// <summary>The schools of the Kreis by municipality, type and name, with paging.</summary>
internal sealed record ListSchulen(string? Kommune, string? Schulart, string? Suche, int Seite = 1, int SeitenGroesse = Paging.DefaultPageSize) : IQuery<PagedList<SchuleZeile>>;

internal sealed class ListSchulenValidator(DeploymentInfo deployment) : IValidator<ListSchulen>
{
    public Task<IReadOnlyList<FieldError>> ValidateAsync(ListSchulen request, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        errors.Municipality("kommune", request.Kommune, deployment, required: false);
        errors.OptionalText("schulart", request.Schulart, 50);
        errors.OptionalText("suche", request.Suche, SchulePruefung.NameMax);
        return Task.FromResult<IReadOnlyList<FieldError>>(errors);
    }
}

internal sealed class ListSchulenHandler(IModuleDatabase<SchulungenModule> database) : IRequestHandler<ListSchulen, PagedList<SchuleZeile>>
{
    private const string Where = """
        WHERE (@kommune IS NULL OR s.kommune_ags = @kommune)
          AND (@schulart IS NULL OR s.schulart = @schulart)
          AND (@suche IS NULL OR s.name LIKE '%' || @suche || '%' ESCAPE '\')
        """;

    public async Task<PagedList<SchuleZeile>> Handle(ListSchulen request, CancellationToken cancellationToken)
    {
        var groesse = Paging.PageSize(request.SeitenGroesse);
        var seite = Math.Max(1, request.Seite);
        var parameter = new
        {
            kommune = string.IsNullOrEmpty(request.Kommune) ? null : request.Kommune,
            schulart = string.IsNullOrEmpty(request.Schulart) ? null : request.Schulart,
            suche = Suchtext.Like(request.Suche),
            take = groesse,
            skip = Paging.Offset(seite, groesse),
        };
        await using var connection = await database.OpenAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<int>($"SELECT count(*) FROM schulen s {Where}", parameter);
        var rows = await connection.QueryAsync<SchuleZeile>(
            $"""
            SELECT s.id, s.name, s.schulart, a.bezeichnung AS SchulartText, s.kommune_ags AS Kommune
            FROM schulen s JOIN schularten a ON a.schluessel = s.schulart {Where}
            ORDER BY s.name COLLATE NOCASE LIMIT @take OFFSET @skip
            """,
            parameter);
        return new PagedList<SchuleZeile>(rows.ToList(), total, seite, groesse);
    }
}

/// <summary>The Kreis' school types (reference data of the schema), in their order.</summary>
internal sealed record ListSchularten : IQuery<IReadOnlyList<Schulart>>;

internal sealed class ListSchulartenHandler(IModuleDatabase<SchulungenModule> database) : IRequestHandler<ListSchularten, IReadOnlyList<Schulart>>
{
    public async Task<IReadOnlyList<Schulart>> Handle(ListSchularten request, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<Schulart>("SELECT schluessel, bezeichnung FROM schularten ORDER BY reihenfolge")).ToList();
    }
}
