using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Demo;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Modules.Gesundheit.Features.Angebote;
using MediatR;
using Microsoft.Extensions.Logging;

namespace IntegrationsPlattform.Modules.Gesundheit.Features.Demo;

/// <summary>
/// The benchmark set (<c>seed-demo benchmark</c>, README „Gesundheitsprävention“): besides the showcase set 40 providers
/// and 5,000 published offers across the municipalities and categories, each translated into every public language of
/// the deployment (the benchmark runs with ten). A second call adds nothing.
/// </summary>
internal sealed record CreateBenchmarkDaten(DeploymentInfo Deployment) : IBulkCommand<int>;

internal sealed class CreateBenchmarkDatenHandler(
    IModuleDatabase<GesundheitModule> database, ILocalClock clock, GesundheitSettings settings, ILogger<CreateBenchmarkDatenHandler> logger)
    : IRequestHandler<CreateBenchmarkDaten, int>
{
    public const int Angebote = 5000;
    private const int Anbieter = 40;
    private const string Wer = "Benchmark";

    /// <summary>The first benchmark provider's fixed id: whether the set is there already.</summary>
    private static string AnbieterId(int n) => $"0193f5a0-4e00-7000-8000-b{n:00000000000}";

    public async Task<int> Handle(CreateBenchmarkDaten request, CancellationToken cancellationToken)
    {
        var tx = database.Transaction;
        var kommunen = request.Deployment.Municipalities;
        if (kommunen.Count == 0
            || await tx.Connection.ExecuteScalarAsync<long>("SELECT count(*) FROM anbieter WHERE id = @id", new { id = AnbieterId(0) }, tx.Sql) > 0)
        {
            return 0;
        }

        var uhr = System.Diagnostics.Stopwatch.StartNew();
        var jetzt = GermanFormat.StoredInstant(clock.UtcNow.AddDays(-30));
        for (var n = 0; n < Anbieter; n++)
        {
            await tx.Connection.ExecuteAsync(
                "INSERT INTO anbieter (id, name, email, website, kommune_ags, angelegt_am) VALUES (@id, @name, @email, @website, @kommune, @jetzt)",
                new { id = AnbieterId(n), name = $"Benchmark-Anbieter {n + 1:00}", email = $"anbieter{n + 1}@benchmark.example", website = $"https://anbieter{n + 1}.benchmark.example", kommune = kommunen[n % kommunen.Count].Ags, jetzt },
                tx.Sql);
        }

        var kategorien = settings.Kategorien.Keys.ToList();
        for (var i = 0; i < Angebote; i++)
        {
            var (kategorie, vorlage, kommune) = DemoKataloge.Angebot(i, kategorien, kommunen);
            var anbieterId = AnbieterId(i % Anbieter);
            var eingabe = CreateDemoDatenHandler.Eingabe(i, kategorie, vorlage, kommune, anbieterId, clock.Today);
            var id = await AngebotSchreiben.NeuAsync(tx, eingabe, anbieterId, jetzt, Wer, grund: null);
            await DemoUebersetzungen.AlleAsync(tx, request.Deployment, id, i, kategorie, kommune, jetzt, Wer);
            await AngebotSchreiben.StatusAsync(tx, id, "entwurf", "zur_pruefung", null, jetzt, Wer, grund: null, geprueft: false);
            await AngebotSchreiben.VeroeffentlicheAsync(tx, id);
            await AngebotSchreiben.StatusAsync(tx, id, "zur_pruefung", "veroeffentlicht", null, jetzt, Wer, grund: null, geprueft: true);
        }

        logger.LogInformation("Gesundheit-Benchmarkdaten: {Angebote} Angebote in {Sprachen} Sprachen in {Dauer} ms geschrieben.",
            Angebote, request.Deployment.PublicLanguages.Count, uhr.ElapsedMilliseconds);
        return Angebote;
    }
}
