using System.Security.Cryptography;
using System.Text;
using Dapper;
using IntegrationsPlattform.Host.Configuration;
using IntegrationsPlattform.Host.Storage;

namespace IntegrationsPlattform.Host.Security;

internal sealed record IssuedToken(string Token, DateTimeOffset ExpiresAt);

/// <summary>Opaque API bearer tokens: random, only their SHA-256 stored, short-lived, revocable.</summary>
internal sealed class TokenService(HostDatabase database, PlatformOptions options, TimeProvider time)
{
    public async Task<IssuedToken> IssueAsync(string userId, CancellationToken cancellationToken = default)
    {
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = time.GetUtcNow();
        var expires = now.AddMinutes(options.Security.TokenLifetimeMinutes);
        await database.WriteAsync(async (c, t) =>
        {
            await c.ExecuteAsync(
                "INSERT INTO api_tokens (token_hash, user_id, created_at, expires_at) VALUES (@hash, @userId, @now, @expires)",
                new { hash = Hash(token), userId, now = now.ToString("O"), expires = expires.ToString("O") },
                t);
            // Expired tokens are of no use to anyone; keep the table small.
            await c.ExecuteAsync("DELETE FROM api_tokens WHERE expires_at < @cutoff", new { cutoff = now.AddDays(-1).ToString("O") }, t);
        }, cancellationToken);
        return new IssuedToken(token, expires);
    }

    /// <summary>The user id the token belongs to, if it is valid now.</summary>
    public async Task<string?> ValidateAsync(string token, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<string?>(
            """
            SELECT t.user_id FROM api_tokens t JOIN users u ON u.id = t.user_id
            WHERE t.token_hash = @hash AND t.revoked_at IS NULL AND t.expires_at > @now AND u.is_active = 1
            """,
            new { hash = Hash(token), now = time.GetUtcNow().ToString("O") });
    }

    public Task<bool> RevokeAsync(string token, CancellationToken cancellationToken = default)
        => database.WriteAsync(async (c, t) => await c.ExecuteAsync(
            "UPDATE api_tokens SET revoked_at = @now WHERE token_hash = @hash AND revoked_at IS NULL",
            new { hash = Hash(token), now = time.GetUtcNow().ToString("O") },
            t) > 0, cancellationToken);

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
