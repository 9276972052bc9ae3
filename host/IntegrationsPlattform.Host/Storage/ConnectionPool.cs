using System.Data;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace IntegrationsPlattform.Host.Storage;

/// <summary>
/// The open connections of the request path (module databases and host.db), kept open between
/// requests together with their prepared statements. Microsoft.Data.Sqlite prepares every command
/// again (dotnet/efcore#14044); under load the parsing alone cost about a third of a one-row read
/// (build/bench/README.md). Disposing a connection from here gives it back; it is closed for good only
/// when it is not clean (an open transaction or an unfinished statement), when enough others are idle,
/// or when the pool is disposed with the host.
/// </summary>
internal sealed class ConnectionPool : IDisposable
{
    /// <summary>Idle connections kept per database file; more are closed on their return.</summary>
    public const int MaxIdlePerDatabase = 16;

    private readonly Dictionary<string, Stack<PooledConnection>> _idle = new(StringComparer.Ordinal);
    private bool _disposed;

    public Task<SqliteConnection> OpenAsync(string path, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_idle)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_idle.TryGetValue(path, out var idle) && idle.TryPop(out var reused))
            {
                reused.IsIdle = false;
                return Task.FromResult<SqliteConnection>(reused);
            }
        }

        var connection = new PooledConnection(this, path);
        try
        {
            connection.Open();
        }
        catch
        {
            connection.Dispose();
            throw;
        }

        return Task.FromResult<SqliteConnection>(connection);
    }

    public void Dispose()
    {
        List<PooledConnection> closing;
        lock (_idle)
        {
            _disposed = true;
            closing = _idle.Values.SelectMany(s => s).ToList();
            _idle.Clear();
        }

        closing.ForEach(c => c.CloseForGood());
    }

    /// <summary>Takes a connection back; false when the caller must close it.</summary>
    internal bool TryReturn(PooledConnection connection)
    {
        if (!connection.IsClean)
        {
            return false;
        }

        lock (_idle)
        {
            if (_disposed)
            {
                return false;
            }

            // Disposed a second time while it waits here: it must not be handed out twice.
            if (connection.IsIdle)
            {
                return true;
            }

            if (!_idle.TryGetValue(connection.Path, out var idle))
            {
                _idle[connection.Path] = idle = new Stack<PooledConnection>();
            }

            if (idle.Count >= MaxIdlePerDatabase)
            {
                return false;
            }

            idle.Push(connection);
            connection.IsIdle = true;
            return true;
        }
    }
}

/// <summary>
/// A connection of the <see cref="ConnectionPool"/>: Dispose gives it back, and its commands run on
/// statements it has prepared before for the same SQL text.
/// </summary>
internal sealed class PooledConnection(ConnectionPool pool, string path) : SqliteConnection(Sqlite.ConnectionString(path))
{
    /// <summary>Statements kept per connection; SQL beyond that (rare, generated text) is prepared each time.</summary>
    private const int MaxCachedStatements = 64;

    private readonly Dictionary<string, PreparedStatement> _statements = new(StringComparer.Ordinal);

    public string Path { get; } = path;

    /// <summary>Waiting in the pool; read and changed under the pool's lock.</summary>
    internal bool IsIdle { get; set; }

    /// <summary>Open, outside a transaction, and no statement is still stepping (an undisposed reader).</summary>
    internal bool IsClean
    {
        get
        {
            if (State != ConnectionState.Open || Transaction is not null || raw.sqlite3_get_autocommit(Handle) == 0)
            {
                return false;
            }

            for (var statement = raw.sqlite3_next_stmt(Handle, null); statement is not null; statement = raw.sqlite3_next_stmt(Handle, statement))
            {
                if (raw.sqlite3_stmt_busy(statement) != 0)
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>Also when module code closed and opens it again: the pragmas are set on every open.</summary>
    public override void Open()
    {
        base.Open();
        try
        {
            // IsClean walks the connection's statements; SQLitePCL answers that only when told before the first one.
            Handle!.enable_sqlite3_next_stmt(true);
            Sqlite.SetPragmas(this);
        }
        catch
        {
            Close();
            throw;
        }
    }

    public override SqliteCommand CreateCommand() => new StatementCachingCommand(this) { Transaction = Transaction };

    internal PreparedStatement Rent(string sql)
    {
        if (_statements.Remove(sql, out var cached))
        {
            return cached;
        }

        return new PreparedStatement(sql, this);
    }

    internal void Return(PreparedStatement statement)
    {
        if (statement.HasOpenReader || State != ConnectionState.Open || _statements.Count >= MaxCachedStatements || !_statements.TryAdd(statement.CommandText, statement))
        {
            statement.Dispose();
        }
    }

    internal void CloseForGood() => base.Dispose(true);

    protected override void Dispose(bool disposing)
    {
        if (disposing && pool.TryReturn(this))
        {
            return;
        }

        base.Dispose(disposing);
    }
}

/// <summary>A prepared statement of one connection: a command that is kept with its SQL text and reused.</summary>
internal sealed class PreparedStatement : SqliteCommand
{
    public PreparedStatement(string sql, SqliteConnection connection)
    {
        CommandText = sql;
        Connection = connection;
    }

    public bool HasOpenReader => DataReader is not null;
}

/// <summary>
/// What a <see cref="PooledConnection"/> hands to Dapper and module code: it collects text and
/// parameters like any command and runs them on the connection's prepared statement for that text.
/// </summary>
internal sealed class StatementCachingCommand(PooledConnection connection) : SqliteCommand
{
    private string _sql = string.Empty;
    private PreparedStatement? _running;

    [System.Diagnostics.CodeAnalysis.AllowNull]
    public override string CommandText
    {
        get => _sql;
        set => _sql = value ?? string.Empty;
    }

    public override SqliteConnection? Connection
    {
        get => connection;
        set
        {
            if (value is not null && !ReferenceEquals(value, connection))
            {
                throw new InvalidOperationException("Ein Befehl einer Plattform-Verbindung gehört zu dieser Verbindung.");
            }
        }
    }

    public override void Prepare()
    {
    }

    public override SqliteDataReader ExecuteReader(CommandBehavior behavior)
    {
        GiveBack();
        var statement = connection.Rent(_sql);
        statement.Parameters.Clear();
        foreach (SqliteParameter parameter in Parameters)
        {
            statement.Parameters.Add(parameter);
        }

        statement.Transaction = Transaction;
        statement.CommandTimeout = CommandTimeout;
        _running = statement;
        return statement.ExecuteReader(behavior);
    }

    public override int ExecuteNonQuery()
    {
        var reader = ExecuteReader(CommandBehavior.Default);
        reader.Dispose();
        return reader.RecordsAffected;
    }

    public override object? ExecuteScalar()
    {
        using var reader = ExecuteReader(CommandBehavior.Default);
        return reader.Read() ? reader.GetValue(0) : null;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            GiveBack();
        }

        base.Dispose(disposing);
    }

    private void GiveBack()
    {
        if (_running is { } statement)
        {
            _running = null;
            statement.Parameters.Clear();
            connection.Return(statement);
        }
    }
}
