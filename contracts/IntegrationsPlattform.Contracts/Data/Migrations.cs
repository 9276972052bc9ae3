namespace IntegrationsPlattform.Contracts.Data;

/// <summary>
/// Conventions for module migrations: forward-only SQL files embedded in the module assembly whose
/// resource name ends in <c>.Migrations.&lt;NNNN&gt;_&lt;name&gt;.sql</c> (e.g. <c>Storage/Migrations/0001_initial.sql</c>).
/// The host applies missing ones in order, each in a transaction, and records them in
/// <see cref="HistoryTable"/>.
/// </summary>
public static class MigrationConventions
{
    public const string HistoryTable = "schema_history";
    public const string ResourceMarker = ".Migrations.";
}
