using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace IntegrationsPlattform.Modules.Schulungen.Features.Anmeldungen;

/// <summary>
/// The participant's personal link (<c>/schulungen/anmeldung/{token}</c>): her registration, its calendar files and the
/// cancellation. The token is random and only in her mail; the module keeps its SHA-256 (<c>abmelde_token_hash</c>), so
/// a copy of the database opens no registration. A mail that carries a link carries a new one, which replaces the last.
/// </summary>
internal static class AbmeldeLink
{
    public static (string Token, string Hash) Neu()
    {
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        return (token, Hash(token));
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static string Pfad(string token) => $"/schulungen/anmeldung/{token}";
}
