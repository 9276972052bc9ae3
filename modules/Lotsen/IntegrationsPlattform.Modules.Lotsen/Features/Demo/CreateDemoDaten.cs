using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Demo;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using MediatR;
using Microsoft.Extensions.Logging;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Demo;

/// <summary>Creates the showcase set (and for <see cref="DemoSize.Benchmark"/> the large set besides); a second call adds nothing.</summary>
internal sealed record CreateDemoDaten(DeploymentInfo Deployment, DemoSize Groesse) : IBulkCommand<DemoErgebnis>;

/// <summary>What one call added (0 everywhere when the data was there already).</summary>
internal sealed record DemoErgebnis(int Lotsen, int Anfragen, int Einsaetze);

internal sealed class CreateDemoDatenHandler(IModuleDatabase<LotsenModule> database, ILocalClock clock, LotsenSettings settings, ILogger<CreateDemoDatenHandler> logger)
    : IRequestHandler<CreateDemoDaten, DemoErgebnis>
{
    public async Task<DemoErgebnis> Handle(CreateDemoDaten request, CancellationToken cancellationToken)
    {
        var tx = database.Transaction;
        var kommunen = request.Deployment.Municipalities;
        if (kommunen.Count == 0)
        {
            return new DemoErgebnis(0, 0, 0);
        }

        var schreiber = new DemoSchreiber(tx.Connection, tx.Sql);
        var gesamt = new DemoErgebnis(0, 0, 0);

        // Each set starts with ids from a fixed seed: its first id present means the set is there.
        var schaufenster = new DemoGenerator(DemoGenerator.SchaufensterSaat, request.Deployment, settings, clock.Today, clock);
        string? vereinbarungTraeger;
        if (!await ExistiertAsync(tx, "traeger", schaufenster.ErsteId))
        {
            var plan = schaufenster.Schaufenster();
            schreiber.Schreibe(plan);
            gesamt = Summe(gesamt, plan);
            vereinbarungTraeger = plan.VereinbarungTraegerId;
        }
        else
        {
            vereinbarungTraeger = schaufenster.ErsteId;
        }

        if (request.Groesse == DemoSize.Benchmark)
        {
            var gross = new DemoGenerator(DemoGenerator.BenchmarkSaat, request.Deployment, settings, clock.Today, clock);
            if (!await ExistiertAsync(tx, "lotsen", gross.ErsteId))
            {
                var uhr = System.Diagnostics.Stopwatch.StartNew();
                var plan = gross.Benchmark(DemoGenerator.BenchmarkLotsen, DemoGenerator.BenchmarkAnfragen, vereinbarungTraeger);
                var erzeugt = uhr.ElapsedMilliseconds;
                schreiber.Schreibe(plan);
                logger.LogInformation("Lotsen-Benchmarkdaten: erzeugt in {Erzeugt} ms, geschrieben in {Geschrieben} ms.", erzeugt, uhr.ElapsedMilliseconds - erzeugt);
                gesamt = Summe(gesamt, plan);
            }
        }

        if (gesamt.Lotsen > 0 || gesamt.Anfragen > 0)
        {
            logger.LogInformation("Lotsen-Demodaten: {Lotsen} Lotsen, {Anfragen} Anfragen, {Einsaetze} Einsätze angelegt.", gesamt.Lotsen, gesamt.Anfragen, gesamt.Einsaetze);
        }

        return gesamt;
    }

    private static async Task<bool> ExistiertAsync(ModuleTransaction tx, string tabelle, string id)
        => await tx.Connection.ExecuteScalarAsync<long>($"SELECT count(*) FROM {tabelle} WHERE id = @id", new { id }, tx.Sql) > 0;

    private static DemoErgebnis Summe(DemoErgebnis a, DemoPlan plan)
        => new(a.Lotsen + plan.Lotsen.Count, a.Anfragen + plan.Anfragen.Count, a.Einsaetze + plan.Einsaetze.Count);
}
