using System.Security.Cryptography;
using System.Text;

namespace IntegrationsPlattform.Host.Security;

/// <summary>
/// The secrets the host hands out in URLs and headers (access tokens, opt-in, invitation and reset links, calendar
/// feed addresses): 256 random bits, URL-safe; host.db keeps only their hash, so a copy of the database opens nothing.
/// </summary>
internal static class SecretTokens
{
    public static string New() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
