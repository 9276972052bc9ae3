using System.Security.Cryptography;
using System.Text;

namespace IntegrationsPlattform.Modules.Schulungen.Features.Feedback;

/// <summary>
/// The personal single-use feedback link, as the host makes its secret links: 256 random bits, URL-safe; the database
/// keeps only the SHA-256, so a copy of it opens no form.
/// </summary>
internal static class FeedbackLink
{
    public static string Neu() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static string Seite(string token) => $"/schulungen/feedback/{token}";
}
