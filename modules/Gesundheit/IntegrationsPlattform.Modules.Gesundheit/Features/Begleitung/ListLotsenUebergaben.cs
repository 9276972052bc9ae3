using System.Text;
using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Web;
using IntegrationsPlattform.Modules.Gesundheit.Domain;
using MediatR;

namespace IntegrationsPlattform.Modules.Gesundheit.Features.Begleitung;

/// <summary>The hand-overs to the Lotsen, newest first, filtered by status, municipality and offer, with paging.</summary>
internal sealed record ListLotsenUebergaben(UebergabeFilter Filter, int Seite = 1, int SeitenGroesse = Paging.DefaultPageSize) : IQuery<PagedList<UebergabeZeile>>;

internal sealed class ListLotsenUebergabenValidator(DeploymentInfo deployment) : IValidator<ListLotsenUebergaben>
{
    public Task<IReadOnlyList<FieldError>> ValidateAsync(ListLotsenUebergaben request, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        Lebenszyklen.LotsenUebergabe.CheckStatus(errors, "status", request.Filter.Status, required: false);
        errors.Municipality("kommune", request.Filter.Kommune, deployment, required: false);
        if (!string.IsNullOrWhiteSpace(request.Filter.AngebotId) && !Guid.TryParse(request.Filter.AngebotId, out _))
        {
            errors.Add(new FieldError("angebot", "Das Angebot ist nicht gültig."));
        }

        return Task.FromResult<IReadOnlyList<FieldError>>(errors);
    }
}

internal sealed class ListLotsenUebergabenHandler(IModuleDatabase<GesundheitModule> database) : IRequestHandler<ListLotsenUebergaben, PagedList<UebergabeZeile>>
{
    public async Task<PagedList<UebergabeZeile>> Handle(ListLotsenUebergaben request, CancellationToken cancellationToken)
    {
        var groesse = Paging.PageSize(request.SeitenGroesse);
        var seite = Math.Max(1, request.Seite);
        var where = new StringBuilder(" WHERE 1 = 1");
        var parameter = new DynamicParameters();
        Bedingung(where, parameter, "u.status", "status", request.Filter.Status);
        Bedingung(where, parameter, "u.kommune_ags", "kommune", request.Filter.Kommune);
        Bedingung(where, parameter, "u.angebot_id", "angebot", request.Filter.AngebotId?.ToLowerInvariant());
        parameter.Add("take", groesse);
        parameter.Add("skip", Paging.Offset(seite, groesse));

        await using var connection = await database.OpenAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<int>($"SELECT count(*) FROM lotsen_uebergaben u {where}", parameter);
        var rows = await connection.QueryAsync<Zeile>(
            $"""
            SELECT u.korrelations_id AS KorrelationsId, u.angebot_id AS AngebotId, t.text AS AngebotTitel, u.sprache, u.kommune_ags AS KommuneAgs,
                   u.datum, u.status, u.status_seit AS StatusSeit, u.anfrage_id AS AnfrageId
            FROM lotsen_uebergaben u
            LEFT JOIN angebot_texte t ON t.angebot_id = u.angebot_id AND t.fassung = 'arbeit' AND t.sprache = 'de' AND t.feld = 'titel'
            {where} ORDER BY u.korrelations_id DESC LIMIT @take OFFSET @skip
            """,
            parameter);
        return new PagedList<UebergabeZeile>(
            rows.Select(r => new UebergabeZeile(
                r.KorrelationsId, r.AngebotId, r.AngebotTitel, r.Sprache, r.KommuneAgs, DateOnly.ParseExact(r.Datum, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                r.Status, Lebenszyklen.LotsenUebergabe.Label(r.Status), r.StatusSeit, r.AnfrageId)).ToList(),
            total,
            seite,
            groesse);
    }

    private static void Bedingung(StringBuilder where, DynamicParameters parameter, string spalte, string name, string? wert)
    {
        if (!string.IsNullOrWhiteSpace(wert))
        {
            where.Append($" AND {spalte} = @{name}");
            parameter.Add(name, wert.Trim());
        }
    }

    private sealed record Zeile(string KorrelationsId, string AngebotId, string? AngebotTitel, string Sprache, string KommuneAgs, string Datum, string Status, string StatusSeit, string? AnfrageId);
}
