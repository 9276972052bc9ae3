using Microsoft.Extensions.Configuration;

namespace IntegrationsPlattform.Modules.Gesundheit;

/// <summary>
/// What a Kreis configures for its health offers (<c>Modules:Gesundheit:Settings:…</c>), read once at start-up:
/// the categories offers are sorted into. Without configuration the eight categories apply.
/// </summary>
internal sealed class GesundheitSettings
{
    /// <summary>The eight categories of the issue; offers store the key.</summary>
    public static readonly IReadOnlyDictionary<string, string> StandardKategorien = new Dictionary<string, string>
    {
        ["u_untersuchungen"] = "U-Untersuchungen",
        ["impfungen"] = "Impfungen",
        ["zahnprophylaxe"] = "Zahnprophylaxe",
        ["fruehe_hilfen"] = "Frühe Hilfen",
        ["bewegung"] = "Bewegung",
        ["ernaehrung"] = "Ernährung",
        ["sprachentwicklung"] = "Sprachentwicklung",
        ["psychische_gesundheit"] = "Psychische Gesundheit",
    };

    /// <summary>Category key → German label (<c>Kategorien:&lt;key&gt;</c>); configured ones replace the defaults as a whole.</summary>
    public required IReadOnlyDictionary<string, string> Kategorien { get; init; }

    public string KategorieText(string schluessel) => Kategorien.TryGetValue(schluessel, out var text) ? text : schluessel;

    /// <summary>Reads the settings; a malformed category key (it goes into URLs and filters) stops the module with its name.</summary>
    public static GesundheitSettings From(IConfiguration settings)
    {
        var konfiguriert = new Dictionary<string, string>();
        foreach (var kategorie in settings.GetSection("Kategorien").GetChildren().Where(c => !string.IsNullOrWhiteSpace(c.Value)))
        {
            if (!GueltigerSchluessel(kategorie.Key))
            {
                throw new InvalidOperationException(
                    $"Modules:Gesundheit:Settings:Kategorien:{kategorie.Key}: ein Kategorie-Schlüssel besteht aus 1 bis 50 Kleinbuchstaben, Ziffern und '_'.");
            }

            konfiguriert[kategorie.Key] = kategorie.Value!;
        }

        return new GesundheitSettings { Kategorien = konfiguriert.Count > 0 ? konfiguriert : StandardKategorien };
    }

    private static bool GueltigerSchluessel(string key) => key.Length is >= 1 and <= 50 && key.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_');
}
