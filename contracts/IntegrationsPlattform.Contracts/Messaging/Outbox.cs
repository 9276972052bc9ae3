using IntegrationsPlattform.Contracts.Mail;
using MediatR;
using Microsoft.Data.Sqlite;

namespace IntegrationsPlattform.Contracts.Messaging;

/// <summary>
/// A command one module hands to another through its outbox (see <see cref="Data.ModuleTransaction.SendAfterCommit{TResult}"/>).
/// The caller chooses <see cref="CorrelationId"/>; the receiving module answers with notifications that carry it,
/// since the sender has committed and moved on long before the command is delivered.
/// </summary>
public interface ICorrelatedCommand<out TResult> : ICommand<TResult>
{
    Guid CorrelationId { get; }
}

/// <summary>
/// Writes what must happen after a change into the outbox of the database the change is written to, inside
/// the same transaction (implemented by the host; modules reach it through <see cref="Data.ModuleTransaction"/>).
/// The host delivers each message after the commit, at least once, in commit order per receiver.
/// </summary>
public interface IOutboxWriter
{
    /// <summary>A notification for every running module that handles it (none: nothing is stored).</summary>
    void Publish(SqliteConnection connection, SqliteTransaction transaction, INotification notification);

    /// <summary>A command for the module that handles it; throws <see cref="Modules.ModuleNotEnabledException"/> at once when that module is off.</summary>
    void Send<TResult>(SqliteConnection connection, SqliteTransaction transaction, ICorrelatedCommand<TResult> command);

    /// <summary>A mail for the host's <see cref="IMailSender"/>.</summary>
    void Mail(SqliteConnection connection, SqliteTransaction transaction, OutgoingMail mail);
}
