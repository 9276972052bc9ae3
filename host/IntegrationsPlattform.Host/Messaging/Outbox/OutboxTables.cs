using Dapper;
using Microsoft.Data.Sqlite;

namespace IntegrationsPlattform.Host.Messaging.Outbox;

/// <summary>
/// The outbox and the inbox every database of the platform has (host.db and each module's). They belong to
/// the platform, not to the module: created here for every database the migration runner touches and kept
/// out of the module's migration history, so a module's schema versions stay its own.
/// </summary>
internal static class OutboxTables
{
    /// <summary>
    /// <c>seq</c> is the commit order: one writer per database, so a later commit gets a larger number.
    /// A row is one message to one receiver (a module id, or <see cref="MailReceiver"/>); it is deleted once
    /// delivered. <c>platform_inbox</c> holds the ids of the messages this database's module has processed.
    /// </summary>
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS platform_outbox (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            id TEXT NOT NULL UNIQUE,
            receiver TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('Notification', 'Command', 'Mail')),
            type TEXT NOT NULL,
            payload TEXT NOT NULL,
            correlation_id TEXT,
            created_at TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at TEXT NOT NULL,
            last_error TEXT,
            parked_at TEXT
        );
        CREATE INDEX IF NOT EXISTS ix_platform_outbox_receiver ON platform_outbox (receiver, seq);
        CREATE TABLE IF NOT EXISTS platform_inbox (
            message_id TEXT PRIMARY KEY,
            sender TEXT NOT NULL,
            type TEXT NOT NULL,
            processed_at TEXT NOT NULL
        ) WITHOUT ROWID;
        """;

    /// <summary>The receiver of mails: the host's mail sender.</summary>
    public const string MailReceiver = "@mail";

    public static void Ensure(SqliteConnection connection, SqliteTransaction transaction) => connection.Execute(Schema, transaction: transaction);
}
