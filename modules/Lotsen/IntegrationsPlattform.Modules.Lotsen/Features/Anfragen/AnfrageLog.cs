using Dapper;
using IntegrationsPlattform.Contracts.Data;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Anfragen;

internal static class AnfrageLog
{
    public static Task SchreibeAsync(ModuleTransaction tx, string anfrageId, string art, string? notiz, string durch, string am)
        => tx.Connection.ExecuteAsync(
            "INSERT INTO anfrage_aktivitaeten (id, anfrage_id, art, notiz, am, durch) VALUES (@id, @anfrageId, @art, @notiz, @am, @durch)",
            new { id = Guid.CreateVersion7().ToString(), anfrageId, art, notiz, am, durch },
            tx.Sql);
}
