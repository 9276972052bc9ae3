using Dapper;
using IntegrationsPlattform.Contracts.Data;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Anfragen;

/// <summary>The correlation id a handed-over request came with; the notifications about it carry it back to the sender.</summary>
internal static class AnfrageKorrelation
{
    public static async Task<Guid?> LiesAsync(ModuleTransaction tx, string anfrageId)
        => await tx.Connection.ExecuteScalarAsync<string?>("SELECT korrelations_id FROM anfragen WHERE id = @anfrageId", new { anfrageId }, tx.Sql) is { } id
            ? Guid.Parse(id)
            : null;
}
