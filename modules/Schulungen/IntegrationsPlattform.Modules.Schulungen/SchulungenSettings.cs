using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace IntegrationsPlattform.Modules.Schulungen;

/// <summary>
/// The module's settings (<c>Modules:Schulungen:Settings:…</c>), read once at start-up. Every value has a default; a
/// Kreis overrides only what differs, and a wrong value stops the host with a message naming the key.
/// </summary>
internal sealed class SchulungenSettings
{
    public const decimal StandardMindestAnteil = 0.75m;

    /// <summary>The share of a session's time a person must have attended for a certificate (<c>Bescheinigung:MindestAnteil</c>, more than 0, at most 1).</summary>
    public decimal MindestAnteil { get; init; } = StandardMindestAnteil;

    public static SchulungenSettings From(IConfiguration settings)
    {
        var raw = settings["Bescheinigung:MindestAnteil"];
        if (string.IsNullOrWhiteSpace(raw))
        {
            return new SchulungenSettings();
        }

        return decimal.TryParse(raw, NumberStyles.Number, CultureInfo.InvariantCulture, out var anteil) && anteil is > 0 and <= 1
            ? new SchulungenSettings { MindestAnteil = anteil }
            : throw new InvalidOperationException($"Modules:Schulungen:Settings:Bescheinigung:MindestAnteil muss ein Anteil größer als 0 und höchstens 1 sein, z. B. 0.75 (ist '{raw}').");
    }
}
