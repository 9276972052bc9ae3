using System.Globalization;
using Dapper;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Host.Storage;
using MediatR;

namespace IntegrationsPlattform.Host.Messaging;

/// <summary>An indicator's history from the monthly snapshots in host.db (the job's own and what modules supplied for back-fill).</summary>
internal sealed class GetIndicatorHistoryHandler(HostDatabase database) : IRequestHandler<GetIndicatorHistory, IndicatorHistory>
{
    private sealed record Row(string Period, double Value, string Label, string Unit, string Kind);

    public async Task<IndicatorHistory> Handle(GetIndicatorHistory request, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        var from = Month(errors, "von", request.From);
        var to = Month(errors, "bis", request.To);
        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = (await connection.QueryAsync<Row>(
            """
            SELECT period, value, label, unit, kind FROM indicator_snapshots
            WHERE indicator_key = @key AND municipality_ags = @ags AND (@from IS NULL OR period >= @from) AND (@to IS NULL OR period <= @to)
            ORDER BY period
            """,
            new { key = request.Key, ags = request.MunicipalityAgs ?? "", from = from?.Label, to = to?.Label })).ToList();
        if (rows.Count == 0 && !await connection.ExecuteScalarAsync<bool>("SELECT EXISTS (SELECT 1 FROM indicator_snapshots WHERE indicator_key = @key)", new { key = request.Key }))
        {
            throw new RecordNotFoundException($"Eine Kennzahl '{FieldRules.Echo(request.Key)}' gibt es nicht.");
        }

        var kind = rows.Count == 0 ? IndicatorKind.Stock : Enum.Parse<IndicatorKind>(rows[^1].Kind);
        var values = IndicatorHistoryAggregation.Aggregate(kind, request.Period, rows.Select(r => (IndicatorPeriod.FromLabel(r.Period), (decimal)r.Value)));
        return new IndicatorHistory(request.Key, rows.Count == 0 ? request.Key : rows[^1].Label, rows.Count == 0 ? "" : rows[^1].Unit, kind, request.MunicipalityAgs, request.Period, values);
    }

    private static IndicatorPeriod? Month(List<FieldError> errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return IndicatorPeriod.MonthOf(day);
        }

        errors.Add(new FieldError(field, "Bitte einen Monat als JJJJ-MM angeben (z. B. 2026-11)."));
        return null;
    }
}
