namespace IntegrationsPlattform.Modules.Schulungen.Domain;

/// <summary>What a certificate shows of its holder in public, and how its verification code is read back.</summary>
internal static class BescheinigungsRegeln
{
    /// <summary>The letters of a code: no 0/O, 1/I/L, so that a code typed from paper is read right.</summary>
    public const string CodeZeichen = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    /// <summary>Blocks of four letters, as printed („K7QM-…“): 20 letters from 31 are about 99 bits, not to be guessed.</summary>
    public const int CodeBloecke = 5;

    public const int GrundMax = 500;

    /// <summary>„A. D.“ — the initials the public check shows, also after the holder's data is erased.</summary>
    public static string Initialen(string vorname, string nachname)
        => $"{Initiale(vorname)}. {Initiale(nachname)}.";

    /// <summary>A code as typed (lower case, spaces, without dashes) in its printed form; null when it cannot be one.</summary>
    public static string? Normalisieren(string? eingabe)
    {
        var zeichen = new string((eingabe ?? "").ToUpperInvariant().Where(char.IsLetterOrDigit).ToArray());
        if (zeichen.Length != CodeBloecke * 4 || zeichen.Any(z => !CodeZeichen.Contains(z)))
        {
            return null;
        }

        return string.Join("-", Enumerable.Range(0, CodeBloecke).Select(b => zeichen.Substring(b * 4, 4)));
    }

    private static string Initiale(string name) => name.Trim() is { Length: > 0 } n ? char.ToUpperInvariant(n[0]).ToString() : "?";
}
