using Dapper;
using IntegrationsPlattform.Host.Security;
using IntegrationsPlattform.Host.Storage;

namespace IntegrationsPlattform.Host.Calendar;

/// <summary>
/// The secret in the address of a user's personal calendar feed. Calendar apps subscribe without a login, so the address
/// is the key: random (256 bits), stored only as its hash (shown once, when it is made), one per user, revocable and
/// renewable by her. A deactivated account's feed answers nothing.
/// </summary>
internal sealed class FeedTokens(HostDatabase database, TimeProvider time)
{
    /// <summary>A new secret for the user; the previous one stops working.</summary>
    public async Task<string> RenewAsync(string userId, CancellationToken cancellationToken = default)
    {
        var token = SecretTokens.New();
        await database.WriteAsync(
            (c, t) => c.ExecuteAsync(
                """
                INSERT INTO calendar_feed_tokens (user_id, token_hash, created_at) VALUES (@userId, @hash, @now)
                ON CONFLICT (user_id) DO UPDATE SET token_hash = excluded.token_hash, created_at = excluded.created_at
                """,
                new { userId, hash = SecretTokens.Hash(token), now = time.GetUtcNow().ToString("O") },
                t),
            cancellationToken);
        return token;
    }

    /// <summary>Whether the user had a feed address.</summary>
    public Task<bool> RevokeAsync(string userId, CancellationToken cancellationToken = default)
        => database.WriteAsync(async (c, t) => await c.ExecuteAsync("DELETE FROM calendar_feed_tokens WHERE user_id = @userId", new { userId }, t) > 0, cancellationToken);

    /// <summary>Since when the user's current feed address exists; null without one.</summary>
    public async Task<DateTimeOffset?> CreatedAtAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var createdAt = await connection.QuerySingleOrDefaultAsync<string?>("SELECT created_at FROM calendar_feed_tokens WHERE user_id = @userId", new { userId });
        return createdAt is null ? null : DateTimeOffset.Parse(createdAt, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The active user the secret belongs to, or null.</summary>
    public async Task<string?> UserOfAsync(string token, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<string?>(
            "SELECT f.user_id FROM calendar_feed_tokens f JOIN users u ON u.id = f.user_id WHERE f.token_hash = @hash AND u.is_active = 1",
            new { hash = SecretTokens.Hash(token) });
    }

}
