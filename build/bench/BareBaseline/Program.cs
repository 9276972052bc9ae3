// Benchmark baseline (see BareBaseline.csproj): the default WebApplication with one JSON endpoint and,
// when given a database, the one-row read of the host's measured endpoint done the plain way.
// Nothing is tuned, so that the ratios build/bench.sh prints compare the host with plain ASP.NET Core.
using Dapper;
using Microsoft.Data.Sqlite;

var app = WebApplication.CreateBuilder(args).Build();
app.MapGet("/json", () => new Greeting("Hallo, Welt!"));

// --Baseline:Database=<file>: an SQLite file with the Beispiel module's table "eintraege" (build/bench.sh
// creates it). The start-up is measured without it, so that nothing of SQLite is loaded then.
if (app.Configuration["Baseline:Database"] is { Length: > 0 } database)
{
    MapPlainRead(app, database);
}

app.Run();

// What the host's GET /api/beispiel/eintraege/{id} does minus the platform: no DI, no MediatR, no
// authentication — a pooled connection per request and Dapper.
static void MapPlainRead(WebApplication app, string database)
{
    var connectionString = new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadWrite, Pooling = true }.ToString();
    app.MapGet("/eintraege/{id:guid}", async (Guid id) =>
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var eintrag = await connection.QuerySingleOrDefaultAsync<Eintrag>(
            "SELECT id, titel, kommune_ags AS KommuneAgs, created_at AS CreatedAt FROM eintraege WHERE id = @id", new { id = id.ToString() });
        return eintrag is null ? Results.NotFound() : Results.Ok(eintrag);
    });
}

internal sealed record Greeting(string Message);

internal sealed class Eintrag
{
    public string Id { get; set; } = "";

    public string Titel { get; set; } = "";

    public string KommuneAgs { get; set; } = "";

    public string CreatedAt { get; set; } = "";
}
