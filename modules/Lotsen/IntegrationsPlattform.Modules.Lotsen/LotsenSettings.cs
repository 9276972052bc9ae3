using Microsoft.Extensions.Configuration;

namespace IntegrationsPlattform.Modules.Lotsen;

/// <summary>
/// The module's settings (<c>Modules:Lotsen:Settings:…</c>), read once at start-up. Every value has a
/// default that fits the Odenwaldkreis; a Kreis overrides only what differs.
/// </summary>
internal sealed class LotsenSettings
{
    public static readonly IReadOnlyDictionary<string, string> StandardThemen = new Dictionary<string, string>
    {
        ["behoerden"] = "Behörden",
        ["schule"] = "Schule",
        ["kita"] = "Kita",
        ["gesundheit"] = "Gesundheit",
        ["freizeit"] = "Freizeit",
        ["arbeit"] = "Arbeit",
        ["wohnen"] = "Wohnen",
    };

    /// <summary>Topic key → German label (<c>Themen:&lt;key&gt;</c>).</summary>
    public required IReadOnlyDictionary<string, string> Themen { get; init; }

    /// <summary>Topic key → qualification a Lotse needs for it besides the Basisqualifizierung (<c>ThemenQualifikation:&lt;key&gt;</c>).</summary>
    public required IReadOnlyDictionary<string, string> ThemenQualifikation { get; init; }

    /// <summary>Months after a request is closed until the data of the person seeking advice is anonymised.</summary>
    public int AufbewahrungMonate { get; init; } = 6;

    /// <summary>Version of the consent text Lotsen sign, e.g. "2026-01".</summary>
    public string EinwilligungVersion { get; init; } = "2026-01";

    /// <summary>How long a consent is valid.</summary>
    public int EinwilligungGueltigMonate { get; init; } = 24;

    /// <summary>How many days before expiry a Lotse is reminded to renew the consent.</summary>
    public int EinwilligungErinnerungTage { get; init; } = 30;

    public string ThemaText(string schluessel) => Themen.TryGetValue(schluessel, out var text) ? text : schluessel;

    public static LotsenSettings From(IConfiguration settings)
    {
        var themen = settings.GetSection("Themen").GetChildren().Where(c => !string.IsNullOrWhiteSpace(c.Value)).ToDictionary(c => c.Key, c => c.Value!);
        return new LotsenSettings
        {
            Themen = themen.Count > 0 ? themen : StandardThemen,
            ThemenQualifikation = settings.GetSection("ThemenQualifikation").GetChildren().Where(c => !string.IsNullOrWhiteSpace(c.Value)).ToDictionary(c => c.Key, c => c.Value!),
            AufbewahrungMonate = Positive(settings, "AufbewahrungMonate", 6),
            EinwilligungVersion = settings["EinwilligungVersion"] is { Length: > 0 } version ? version : "2026-01",
            EinwilligungGueltigMonate = Positive(settings, "EinwilligungGueltigMonate", 24),
            EinwilligungErinnerungTage = Positive(settings, "EinwilligungErinnerungTage", 30),
        };
    }

    private static int Positive(IConfiguration settings, string key, int fallback)
    {
        var raw = settings[key];
        if (string.IsNullOrWhiteSpace(raw))
        {
            return fallback;
        }

        return int.TryParse(raw, out var value) && value > 0
            ? value
            : throw new InvalidOperationException($"Modules:Lotsen:Settings:{key} muss eine positive ganze Zahl sein (ist '{raw}').");
    }
}
