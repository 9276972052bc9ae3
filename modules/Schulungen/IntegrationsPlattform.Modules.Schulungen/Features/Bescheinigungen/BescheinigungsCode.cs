using System.Security.Cryptography;
using IntegrationsPlattform.Modules.Schulungen.Domain;

namespace IntegrationsPlattform.Modules.Schulungen.Features.Bescheinigungen;

/// <summary>A new verification code from the system's cryptographic random source, never derived from ids or time.</summary>
internal static class BescheinigungsCode
{
    public static string Neu()
    {
        var zeichen = Enumerable.Range(0, BescheinigungsRegeln.CodeBloecke * 4)
            .Select(_ => BescheinigungsRegeln.CodeZeichen[RandomNumberGenerator.GetInt32(BescheinigungsRegeln.CodeZeichen.Length)]).ToArray();
        return BescheinigungsRegeln.Normalisieren(new string(zeichen))!;
    }
}
