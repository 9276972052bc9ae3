using System.Globalization;
using Dapper;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Host.Configuration;
using IntegrationsPlattform.Host.Storage;
using MediatR;

namespace IntegrationsPlattform.Host.Messaging;

internal sealed class GetDeploymentHandler(PlatformOptions options) : IRequestHandler<GetDeployment, DeploymentInfo>
{
    public Task<DeploymentInfo> Handle(GetDeployment request, CancellationToken cancellationToken) => Task.FromResult(options.Deployment);
}

/// <summary>The latest snapshot per indicator and municipality (and for the Kreis), as the dashboard and the concept monitor read them.</summary>
internal sealed class GetLatestIndicatorsHandler(HostDatabase database) : IRequestHandler<GetLatestIndicators, IReadOnlyList<IndicatorSnapshot>>
{
    private sealed record Row(string Key, string Label, string Unit, string Level, string Kind, long MunicipalitiesAddUp, string MunicipalityAgs, string Period, double Value, string Source, string TakenAt);

    public async Task<IReadOnlyList<IndicatorSnapshot>> Handle(GetLatestIndicators request, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(
            """
            SELECT s.indicator_key AS Key, s.label AS Label, s.unit AS Unit, s.level AS Level, s.kind AS Kind, s.municipalities_add_up AS MunicipalitiesAddUp, s.municipality_ags AS MunicipalityAgs,
                   s.period AS Period, s.value AS Value, s.source AS Source, s.taken_at AS TakenAt
            FROM indicator_snapshots s
            WHERE (@prefix IS NULL OR s.indicator_key LIKE @prefix || '%')
              AND s.period = (SELECT MAX(period) FROM indicator_snapshots WHERE indicator_key = s.indicator_key)
            ORDER BY s.source, s.indicator_key, s.municipality_ags
            """,
            new { prefix = request.KeyPrefix });
        return rows.Select(r => new IndicatorSnapshot(
            r.Key, r.Label, r.Unit, Enum.Parse<IndicatorLevel>(r.Level), r.MunicipalityAgs.Length == 0 ? null : r.MunicipalityAgs,
            r.Period, (decimal)r.Value, r.Source, DateTimeOffset.Parse(r.TakenAt, CultureInfo.InvariantCulture))
        {
            Kind = Enum.Parse<IndicatorKind>(r.Kind),
            MunicipalitiesAddUp = r.MunicipalitiesAddUp != 0,
        }).ToList();
    }
}
