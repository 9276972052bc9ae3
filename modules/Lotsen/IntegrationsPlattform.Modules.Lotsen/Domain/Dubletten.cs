namespace IntegrationsPlattform.Modules.Lotsen.Domain;

/// <summary>
/// Who is the same: the one comparison of persons (Lotsen) and of Träger names, used by the CSV import,
/// by creating a single Lotse or Träger and by changing one. Erased Lotsen (names "gelöscht", no contact)
/// have no key and so never count as the same as anyone.
/// </summary>
internal static class Dubletten
{
    /// <summary>The refusal of a Lotse who is already registered; it names nothing of the other record.</summary>
    public const string LotseSchonErfasst = "Diese Person ist schon als Lotse erfasst (gleicher Vor- und Nachname und gleiche E-Mail-Adresse oder Telefonnummer).";

    public const string TraegerSchonErfasst = "Ein Träger mit diesem Namen ist schon erfasst.";

    /// <summary>
    /// Who counts as the same person: the same first and last name (<see cref="Name"/>) and the same
    /// e-mail address (case and blanks ignored) or the same telephone number (<see cref="Telefon"/>).
    /// One key per contact given; none without both names, so a row without names is never a duplicate.
    /// </summary>
    public static IReadOnlyList<string> PersonSchluessel(string? vorname, string? nachname, string? email, string? telefon)
    {
        if (Name(vorname) is not { } v || Name(nachname) is not { } n)
        {
            return [];
        }

        var schluessel = new List<string>(2);
        if (!string.IsNullOrWhiteSpace(email))
        {
            schluessel.Add($"{v}|{n}|@{new string(email.Where(c => !char.IsWhiteSpace(c)).ToArray()).ToUpperInvariant()}");
        }

        if (Telefon(telefon) is { } nummer)
        {
            schluessel.Add($"{v}|{n}|#{nummer}");
        }

        return schluessel;
    }

    /// <summary>
    /// A name as compared: case (Unicode case folding, "für" = "FÜR", "Weiß" = "WEISS"), blanks at the ends and runs of blanks inside ignored, and the same letters
    /// however Unicode composes them ("Mu\u0308ller" = "Müller"); null for a blank name. Also the key of a Träger's name.
    /// </summary>
    public static string? Name(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        // Case folded as Unicode does it, not only A–Z: upper then lower case unites "ς"/"σ" and "ẞ"/"ß", and
        // "ß" folds to "ss" as "WEISS" is the capital writing of "Weiß".
        var einfach = string.Join(' ', text.Normalize(System.Text.NormalizationForm.FormC).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return einfach.ToUpperInvariant().ToLowerInvariant().Replace("ß", "ss", StringComparison.Ordinal);
    }

    /// <summary>
    /// A telephone number as compared: its digits only, with the German country code (+49 or 0049) read as
    /// the leading 0 ("+49 6062 12345" = "06062/12345"), other country codes kept with a "+"; null without digits.
    /// </summary>
    public static string? Telefon(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var t = text.Trim();
        var ziffern = new string(t.Where(char.IsAsciiDigit).ToArray());
        if (ziffern.Length == 0)
        {
            return null;
        }

        var international = t.StartsWith('+') || ziffern.StartsWith("00", StringComparison.Ordinal);
        if (!international)
        {
            return ziffern;
        }

        var ohneVorwahl = t.StartsWith('+') ? ziffern : ziffern[2..];
        return ohneVorwahl.StartsWith("49", StringComparison.Ordinal)
            ? "0" + ohneVorwahl[2..].TrimStart('0')
            : "+" + ohneVorwahl;
    }

    /// <summary>
    /// Whether the person given is the same as one of <paramref name="andere"/> (see <see cref="PersonSchluessel"/>).
    /// </summary>
    public static bool IstSchonErfasst(string? vorname, string? nachname, string? email, string? telefon,
        IEnumerable<(string? Vorname, string? Nachname, string? Email, string? Telefon)> andere)
    {
        var schluessel = PersonSchluessel(vorname, nachname, email, telefon);
        return schluessel.Count > 0
            && andere.Any(a => PersonSchluessel(a.Vorname, a.Nachname, a.Email, a.Telefon).Intersect(schluessel, StringComparer.Ordinal).Any());
    }

    /// <summary>Whether a Träger named <paramref name="name"/> is among <paramref name="andere"/> (compared by <see cref="Name"/>).</summary>
    public static bool IstTraegerSchonErfasst(string? name, IEnumerable<string?> andere)
        => Name(name) is { } gesucht && andere.Any(a => Name(a) == gesucht);
}
