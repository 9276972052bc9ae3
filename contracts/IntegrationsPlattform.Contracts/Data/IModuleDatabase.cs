using IntegrationsPlattform.Contracts.Modules;
using MediatR;
using Microsoft.Data.Sqlite;

namespace IntegrationsPlattform.Contracts.Data;

/// <summary>
/// The module's own database (its SQLite file <c>modules/&lt;Id&gt;.db</c>). Reads open a connection;
/// writes happen inside a command, where the host has already opened <see cref="Transaction"/>
/// (BEGIN IMMEDIATE, one writer per database) and commits it after the handler returns.
/// </summary>
public interface IModuleDatabase<TModule> where TModule : PlatformModule
{
    Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken = default);

    /// <summary>The current command's transaction; throws outside a command.</summary>
    ModuleTransaction Transaction { get; }
}

/// <summary>
/// A command's unit of work in one module database: a savepoint in the transaction that the host opens
/// (BEGIN IMMEDIATE) and that consecutive commands to the same database may share; the host releases
/// it when the command succeeds, rolls it back when it fails, and commits the shared transaction
/// before any of its commands answers. Handlers use <see cref="Connection"/> and <see cref="Sql"/> and
/// never commit or roll back themselves.
/// </summary>
public sealed class ModuleTransaction(SqliteConnection connection, SqliteTransaction transaction)
{
    private readonly List<INotification> _afterCommit = [];

    public SqliteConnection Connection { get; } = connection;
    public SqliteTransaction Sql { get; } = transaction;

    /// <summary>Publishes the notification only once this transaction has committed.</summary>
    public void PublishAfterCommit(INotification notification) => _afterCommit.Add(notification);

    public IReadOnlyList<INotification> PendingNotifications => _afterCommit;
}
