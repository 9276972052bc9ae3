using IntegrationsPlattform.Contracts.Mail;
using IntegrationsPlattform.Contracts.Messaging;
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
/// <para>
/// What must happen after the change — a notification to other modules, a command to another module, a
/// mail — goes into the database's outbox with the change (<see cref="PublishAfterCommit"/>,
/// <see cref="SendAfterCommit{TResult}"/>, <see cref="MailAfterCommit"/>): a rollback drops it with the change,
/// and once committed the host delivers it even if the process dies before it could.
/// </para>
/// </summary>
public sealed class ModuleTransaction(SqliteConnection connection, SqliteTransaction transaction, IOutboxWriter outbox)
{
    public SqliteConnection Connection { get; } = connection;
    public SqliteTransaction Sql { get; } = transaction;

    /// <summary>Whether this transaction wrote to the outbox: the host then wakes its delivery after the commit.</summary>
    public bool WroteToOutbox { get; private set; }

    /// <summary>Delivers the notification to every running module that handles it, once this transaction has committed.</summary>
    public void PublishAfterCommit(INotification notification)
    {
        outbox.Publish(Connection, Sql, notification);
        WroteToOutbox = true;
    }

    /// <summary>
    /// Hands the command to the module that handles it, once this transaction has committed; its answers come back as
    /// notifications with the command's correlation id. Throws <see cref="Modules.ModuleNotEnabledException"/> at
    /// once (nothing is stored) when that module is not running.
    /// </summary>
    public void SendAfterCommit<TResult>(ICorrelatedCommand<TResult> command)
    {
        outbox.Send(Connection, Sql, command);
        WroteToOutbox = true;
    }

    /// <summary>Sends the mail once this transaction has committed (retried while the mail server refuses it).</summary>
    public void MailAfterCommit(OutgoingMail mail)
    {
        outbox.Mail(Connection, Sql, mail);
        WroteToOutbox = true;
    }
}
