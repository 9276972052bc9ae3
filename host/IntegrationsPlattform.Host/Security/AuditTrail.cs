using Dapper;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Host.Modules;
using IntegrationsPlattform.Host.Storage;
using Microsoft.AspNetCore.Components.Endpoints;

namespace IntegrationsPlattform.Host.Security;

internal sealed record AuditRecord(string At, string? UserName, string Action, string Module, string RecordType, string? RecordId, string? Endpoint, string Details);

/// <summary>
/// The audit trail of access to personal data, kept in host.db. Who and through which endpoint comes
/// from the request; the module from the endpoint that is running. Inside a command of that module the
/// row waits for the command's commit (TransactionBehavior writes it then): the trail records only
/// what really happened, and the module's writer turn does not wait for a host.db transaction.
/// </summary>
internal sealed class AuditTrail(HostDatabase database, AuditWriter writer, ModuleTransactions transactions, IHttpContextAccessor accessor, ICurrentUser user, ModuleRegistry registry, TimeProvider time) : IAuditTrail
{
    public Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken = default)
        => RecordAsync(entry, ModuleOfCurrentEndpoint(), cancellationToken);

    public Task RecordAsync(AuditEntry entry, string module, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var context = accessor.HttpContext;
        var row = new AuditRow(
            Guid.CreateVersion7().ToString(),
            time.GetUtcNow().ToString("O"),
            user.UserId?.ToString(),
            user.UserName,
            entry.Action.ToString(),
            module,
            entry.RecordType,
            entry.RecordId,
            context is null ? "CLI" : $"{context.Request.Method} {context.Request.Path}",
            entry.Details);
        return registry.Find(module)?.DatabasePath is { } databasePath && transactions.TryDeferUntilCommit(databasePath, row)
            ? Task.CompletedTask
            : writer.WriteAsync(row);
    }

    public async Task<(IReadOnlyList<AuditRecord> Rows, int Total)> SearchAsync(string? text, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var like = string.IsNullOrWhiteSpace(text) ? null : "%" + text.Trim() + "%";
        const string Filter = "(@like IS NULL OR user_name LIKE @like OR record_type LIKE @like OR record_id LIKE @like OR module LIKE @like OR details LIKE @like)";
        var total = await connection.ExecuteScalarAsync<int>($"SELECT count(*) FROM audit_log WHERE {Filter}", new { like });
        var rows = await connection.QueryAsync<AuditRecord>(
            $"""
            SELECT at AS At, user_name AS UserName, action AS Action, module AS Module, record_type AS RecordType, record_id AS RecordId, endpoint AS Endpoint, details AS Details
            FROM audit_log WHERE {Filter} ORDER BY at DESC LIMIT @pageSize OFFSET @offset
            """,
            new { like, pageSize, offset = (page - 1) * pageSize });
        return (rows.ToList(), total);
    }

    private string ModuleOfCurrentEndpoint()
    {
        var endpoint = accessor.HttpContext?.GetEndpoint();
        if (endpoint?.Metadata.GetMetadata<ModuleEndpointTag>() is { } tag)
        {
            return tag.ModuleId;
        }

        var component = endpoint?.Metadata.GetMetadata<ComponentTypeMetadata>()?.Type;
        return component is not null && registry.OfAssembly(component.Assembly) is { } module ? module.Id : "Plattform";
    }
}

/// <summary>Endpoint metadata naming the module an API endpoint belongs to.</summary>
internal sealed record ModuleEndpointTag(string ModuleId);
