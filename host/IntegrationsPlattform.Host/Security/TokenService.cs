using System.Collections.Concurrent;
using System.Globalization;
using Dapper;
using IntegrationsPlattform.Host.Configuration;
using IntegrationsPlattform.Host.Storage;

namespace IntegrationsPlattform.Host.Security;

internal sealed record IssuedToken(string Token, DateTimeOffset ExpiresAt);

/// <summary>
/// Opaque API bearer tokens: random, only their SHA-256 stored, short-lived, revocable.
/// Every API request validates its token, so a token found valid in host.db is remembered in memory
/// (by hash) and trusted again only while it has not expired and no revocation has happened since it
/// was read: whatever revokes tokens or deactivates users clears the <see cref="PermissionCache"/>,
/// whose generation each remembered token carries. Revocation stays immediate; tokens are only ever
/// revoked through this process (API, admin pages, DSGVO erasure — the CLI does not touch them).
/// </summary>
internal sealed class TokenService(HostDatabase database, PlatformOptions options, TimeProvider time, PermissionCache permissions)
{
    private readonly ConcurrentDictionary<string, ValidToken> _valid = new(StringComparer.Ordinal);

    private sealed record ValidToken(string UserId, DateTimeOffset ExpiresAt, long Generation);

    public async Task<IssuedToken> IssueAsync(string userId, CancellationToken cancellationToken = default)
    {
        var token = SecretTokens.New();
        var now = time.GetUtcNow();
        var expires = now.AddMinutes(options.Security.TokenLifetimeMinutes);
        await database.WriteAsync(async (c, t) =>
        {
            await c.ExecuteAsync(
                "INSERT INTO api_tokens (token_hash, user_id, created_at, expires_at) VALUES (@hash, @userId, @now, @expires)",
                new { hash = SecretTokens.Hash(token), userId, now = now.ToString("O"), expires = expires.ToString("O") },
                t);
            // Expired tokens are of no use to anyone; keep the table small.
            await c.ExecuteAsync("DELETE FROM api_tokens WHERE expires_at < @cutoff", new { cutoff = now.AddDays(-1).ToString("O") }, t);
        }, cancellationToken);

        // The same for the remembered ones, which would otherwise pile up over the months.
        var generation = permissions.Generation;
        foreach (var (hash, known) in _valid)
        {
            if (known.ExpiresAt <= now || known.Generation != generation)
            {
                _valid.TryRemove(hash, out _);
            }
        }

        return new IssuedToken(token, expires);
    }

    /// <summary>The user id the token belongs to, if it is valid now.</summary>
    public async Task<string?> ValidateAsync(string token, CancellationToken cancellationToken = default)
    {
        var hash = SecretTokens.Hash(token);
        var now = time.GetUtcNow();
        if (_valid.TryGetValue(hash, out var known) && known.ExpiresAt > now && known.Generation == permissions.Generation)
        {
            return known.UserId;
        }

        // Read before the database: a revocation committed after the query below has a newer generation.
        var generation = permissions.Generation;
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<(string? UserId, string ExpiresAt)>(
            """
            SELECT t.user_id, t.expires_at FROM api_tokens t JOIN users u ON u.id = t.user_id
            WHERE t.token_hash = @hash AND t.revoked_at IS NULL AND t.expires_at > @now AND u.is_active = 1
            """,
            new { hash, now = now.ToString("O") });
        if (row.UserId is null)
        {
            _valid.TryRemove(hash, out _);
            return null;
        }

        _valid[hash] = new ValidToken(row.UserId, DateTimeOffset.Parse(row.ExpiresAt, CultureInfo.InvariantCulture), generation);
        return row.UserId;
    }

    public async Task<bool> RevokeAsync(string token, CancellationToken cancellationToken = default)
    {
        var revoked = await database.WriteAsync(async (c, t) => await c.ExecuteAsync(
            "UPDATE api_tokens SET revoked_at = @now WHERE token_hash = @hash AND revoked_at IS NULL",
            new { hash = SecretTokens.Hash(token), now = time.GetUtcNow().ToString("O") },
            t) > 0, cancellationToken);
        permissions.Clear();
        return revoked;
    }


}
