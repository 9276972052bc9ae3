using System.Security.Cryptography;
using Dapper;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Host.Configuration;
using IntegrationsPlattform.Host.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;

namespace IntegrationsPlattform.Host.Security;

internal sealed record UserAccount(string Id, string UserName, string DisplayName, string? Email, bool IsActive, bool IsDemo, DateTimeOffset? LockedUntil, IReadOnlyList<string> Roles);

internal enum LoginOutcome
{
    Success,
    InvalidCredentials,
    LockedOut,
    Inactive,
    DemoAccountInProduction,
}

internal sealed record LoginResult(LoginOutcome Outcome, UserAccount? User);

/// <summary>Local accounts in host.db: hashed passwords (PBKDF2 via Identity's hasher), lockout, activation.</summary>
internal sealed class AccountStore(HostDatabase database, PlatformOptions options, TimeProvider time, PermissionCache cache)
{
    public const int MinimumPasswordLength = 10;

    private static readonly PasswordHasher<string> Hasher = new();

    private sealed record UserRow(string Id, string UserName, string DisplayName, string? Email, string PasswordHash, long IsActive, long IsDemo, long FailedLogins, string? LockedUntil, string SecurityStamp);

    public static IEnumerable<FieldError> ValidateNewUser(string? userName, string? displayName, string? email, string? password)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(userName) || userName.Length is < 3 or > 64 || !userName.All(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' or '@'))
        {
            errors.Add(new FieldError("userName", "Benutzername: 3–64 Zeichen aus Buchstaben, Ziffern und . - _ @."));
        }

        errors.RequiredText("displayName", displayName, 120, "einen Namen");
        errors.Email("email", email);
        errors.AddRange(ValidatePassword(password));
        return errors;
    }

    public static IEnumerable<FieldError> ValidatePassword(string? password)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinimumPasswordLength || password.Length > 256)
        {
            yield return new FieldError("password", $"Das Passwort muss mindestens {MinimumPasswordLength} Zeichen lang sein.");
        }
    }

    public async Task<string> CreateAsync(string userName, string displayName, string? email, string password, bool isDemo, IEnumerable<string> roleNames, CancellationToken cancellationToken = default)
    {
        var errors = ValidateNewUser(userName, displayName, email, password).ToList();
        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        var id = await database.WriteAsync(async (c, t) =>
        {
            var newId = await InsertAsync(c, t, userName, displayName, email, password, isDemo);
            foreach (var roleName in roleNames)
            {
                var roleId = await c.ExecuteScalarAsync<string?>("SELECT id FROM roles WHERE name = @roleName", new { roleName }, t)
                    ?? throw RequestValidationException.For("roles", $"Die Rolle '{roleName}' gibt es nicht.");
                await c.ExecuteAsync("INSERT INTO user_roles (user_id, role_id) VALUES (@newId, @roleId)", new { newId, roleId }, t);
            }

            return newId;
        }, cancellationToken);
        cache.Clear();
        return id;
    }

    /// <summary>
    /// Stores a checked new account inside the caller's transaction (an invitation creates the account and its role
    /// together); a user name already taken is refused at <c>userName</c>. The caller clears the cache after commit.
    /// </summary>
    internal async Task<string> InsertAsync(SqliteConnection c, SqliteTransaction t, string userName, string displayName, string? email, string password, bool isDemo)
    {
        if (await c.ExecuteScalarAsync<long>("SELECT count(*) FROM users WHERE user_name = @userName", new { userName }, t) > 0)
        {
            throw RequestValidationException.For("userName", "Dieser Benutzername ist bereits vergeben.");
        }

        var id = Guid.CreateVersion7().ToString();
        await c.ExecuteAsync(
            "INSERT INTO users (id, user_name, display_name, email, password_hash, is_demo, security_stamp, created_at) VALUES (@id, @userName, @displayName, @email, @hash, @isDemo, @stamp, @now)",
            new { id, userName, displayName, email = string.IsNullOrWhiteSpace(email) ? null : email, hash = Hasher.HashPassword(userName, password), isDemo = isDemo ? 1 : 0, stamp = NewStamp(), now = Now() },
            t);
        return id;
    }

    public async Task<LoginResult> VerifyAsync(string userName, string password, CancellationToken cancellationToken = default)
    {
        return await database.WriteAsync(async (c, t) =>
        {
            var row = await c.QuerySingleOrDefaultAsync<UserRow>(
                "SELECT id, user_name AS UserName, display_name AS DisplayName, email, password_hash AS PasswordHash, is_active AS IsActive, is_demo AS IsDemo, failed_logins AS FailedLogins, locked_until AS LockedUntil, security_stamp AS SecurityStamp FROM users WHERE user_name = @userName",
                new { userName },
                t);
            if (row is null)
            {
                // Same work as for a real account, so that timing does not reveal which names exist.
                Hasher.VerifyHashedPassword(userName, DummyHash, password);
                return new LoginResult(LoginOutcome.InvalidCredentials, null);
            }

            var now = time.GetUtcNow();
            if (row.LockedUntil is not null && DateTimeOffset.Parse(row.LockedUntil, System.Globalization.CultureInfo.InvariantCulture) > now)
            {
                return new LoginResult(LoginOutcome.LockedOut, null);
            }

            if (Hasher.VerifyHashedPassword(row.UserName, row.PasswordHash, password) == PasswordVerificationResult.Failed)
            {
                var failed = row.FailedLogins + 1;
                var lockNow = failed >= options.Security.LockoutAttempts;
                await c.ExecuteAsync(
                    "UPDATE users SET failed_logins = @failed, locked_until = @lockedUntil WHERE id = @id",
                    new { failed = lockNow ? 0 : failed, lockedUntil = lockNow ? now.AddMinutes(options.Security.LockoutMinutes).ToString("O") : null, id = row.Id },
                    t);
                return new LoginResult(lockNow ? LoginOutcome.LockedOut : LoginOutcome.InvalidCredentials, null);
            }

            if (row.IsActive == 0)
            {
                return new LoginResult(LoginOutcome.Inactive, null);
            }

            if (row.IsDemo == 1 && options.IsProduction)
            {
                return new LoginResult(LoginOutcome.DemoAccountInProduction, null);
            }

            await c.ExecuteAsync("UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = @id", new { id = row.Id }, t);
            return new LoginResult(LoginOutcome.Success, await LoadAsync(c, row.Id, t));
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<UserAccount>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var ids = await connection.QueryAsync<string>("SELECT id FROM users ORDER BY user_name");
        var users = new List<UserAccount>();
        foreach (var id in ids)
        {
            users.Add((await LoadAsync(connection, id, null))!);
        }

        return users;
    }

    public async Task<UserAccount?> FindAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await LoadAsync(connection, id, null);
    }

    public async Task SetActiveAsync(string id, bool active, CancellationToken cancellationToken = default)
    {
        await database.WriteAsync(async (c, t) =>
        {
            var changed = await c.ExecuteAsync("UPDATE users SET is_active = @active, security_stamp = @stamp WHERE id = @id", new { id, active = active ? 1 : 0, stamp = NewStamp() }, t);
            if (changed == 0)
            {
                throw new RecordNotFoundException("Benutzer nicht gefunden.");
            }

            if (!active)
            {
                await c.ExecuteAsync("UPDATE api_tokens SET revoked_at = @now WHERE user_id = @id AND revoked_at IS NULL", new { id, now = Now() }, t);
            }

            await AdminGuard.EnsureAnAdministratorRemainsAsync(c, t);
        }, cancellationToken);
        cache.Clear();
    }

    /// <summary>Sets a new password, lifts a lockout and ends all sessions and tokens of the user.</summary>
    public async Task ResetPasswordAsync(string id, string newPassword, CancellationToken cancellationToken = default)
    {
        var errors = ValidatePassword(newPassword).ToList();
        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors);
        }

        await database.WriteAsync((c, t) => SetPasswordAsync(c, t, id, newPassword), cancellationToken);
        cache.Clear();
    }

    /// <summary>
    /// The password change of <see cref="ResetPasswordAsync"/> inside the caller's transaction (a reset link is used up
    /// in the same one); the password is checked already, the caller clears the cache after commit.
    /// </summary>
    internal async Task SetPasswordAsync(SqliteConnection c, SqliteTransaction t, string id, string newPassword)
    {
        var userName = await c.ExecuteScalarAsync<string?>("SELECT user_name FROM users WHERE id = @id", new { id }, t)
            ?? throw new RecordNotFoundException("Benutzer nicht gefunden.");
        await c.ExecuteAsync(
            "UPDATE users SET password_hash = @hash, failed_logins = 0, locked_until = NULL, security_stamp = @stamp WHERE id = @id",
            new { id, hash = Hasher.HashPassword(userName, newPassword), stamp = NewStamp() },
            t);
        await c.ExecuteAsync("UPDATE api_tokens SET revoked_at = @now WHERE user_id = @id AND revoked_at IS NULL", new { id, now = Now() }, t);
    }

    public async Task<bool> AnyUserAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM users") > 0;
    }

    public async Task<bool> ExistsAsync(string userName, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM users WHERE user_name = @userName", new { userName }) > 0;
    }

    private static async Task<UserAccount?> LoadAsync(Microsoft.Data.Sqlite.SqliteConnection connection, string id, Microsoft.Data.Sqlite.SqliteTransaction? transaction)
    {
        var row = await connection.QuerySingleOrDefaultAsync<UserRow>(
            "SELECT id, user_name AS UserName, display_name AS DisplayName, email, password_hash AS PasswordHash, is_active AS IsActive, is_demo AS IsDemo, failed_logins AS FailedLogins, locked_until AS LockedUntil, security_stamp AS SecurityStamp FROM users WHERE id = @id",
            new { id },
            transaction);
        if (row is null)
        {
            return null;
        }

        var roles = (await connection.QueryAsync<string>(
            "SELECT r.name FROM roles r JOIN user_roles ur ON ur.role_id = r.id WHERE ur.user_id = @id ORDER BY r.name", new { id }, transaction)).ToList();
        return new UserAccount(row.Id, row.UserName, row.DisplayName, row.Email, row.IsActive == 1, row.IsDemo == 1,
            row.LockedUntil is null ? null : DateTimeOffset.Parse(row.LockedUntil, System.Globalization.CultureInfo.InvariantCulture), roles);
    }

    private static readonly string DummyHash = Hasher.HashPassword("-", "dummy-password-for-timing");

    private static string NewStamp() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    private string Now() => time.GetUtcNow().ToString("O");
}
