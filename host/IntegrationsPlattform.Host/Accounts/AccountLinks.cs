using System.Globalization;
using IntegrationsPlattform.Contracts.Dsgvo;
using IntegrationsPlattform.Contracts.Security;

namespace IntegrationsPlattform.Host.Accounts;

/// <summary>
/// The single-use links of invitations and password resets (their secrets are <see cref="SecretTokens"/>).
/// </summary>
internal static class AccountLinks
{
    public static string Stamp(DateTimeOffset instant) => instant.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    /// <summary>What a stored link (null: none for the token) is worth at <paramref name="now"/>: used up, expired or still valid.</summary>
    public static LinkState StateOf(string? usedAt, string? expiresAt, DateTimeOffset now) => (usedAt, expiresAt) switch
    {
        (_, null) => LinkState.Unknown,
        (not null, _) => LinkState.Used,
        _ when string.CompareOrdinal(expiresAt, Stamp(now)) <= 0 => LinkState.Expired,
        _ => LinkState.Valid,
    };

    /// <summary>Addresses compare without case and surrounding blanks, for the rate limit and the look-up of accounts.</summary>
    public static string Normalize(string email) => email.Trim().ToLowerInvariant();
}

/// <summary>What opening an invitation or reset link finds.</summary>
internal enum LinkState
{
    Valid,
    Used,
    Expired,
    Unknown,
}

internal static class AccountLinkServices
{
    /// <summary>Invitations and password resets; one call in the composition, so that their parts stay together here.</summary>
    public static void AddAccountLinks(this IServiceCollection application)
    {
        application.AddSingleton<InvitableRoleCatalog>();
        application.AddScoped<AccountInvitations>();
        application.AddScoped<IAccountInvitations>(sp => sp.GetRequiredService<AccountInvitations>());
        application.AddScoped<PasswordResets>();
        application.AddTransient<AccountLinkCleanupJob>();
        application.AddTransient<IDataSubjectHandler, AccountLinkDataSubjectHandler>();
    }
}
