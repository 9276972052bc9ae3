using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Contracts.Web;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Import;

/// <summary>What a CSV file holds: Lotsen or Träger candidates.</summary>
internal enum ImportArt
{
    Lotsen,
    Traeger,
}

internal static class ImportArten
{
    /// <summary>"lotsen" / "traeger" as in URLs and forms; null for anything else.</summary>
    public static ImportArt? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "lotsen" => ImportArt.Lotsen,
        "traeger" => ImportArt.Traeger,
        _ => null,
    };

    public static string Schluessel(this ImportArt art) => art == ImportArt.Lotsen ? "lotsen" : "traeger";

    /// <summary>"Lotsen" / "Träger-Kandidaten", for headings.</summary>
    public static string Text(this ImportArt art) => art == ImportArt.Lotsen ? "Lotsen" : "Träger-Kandidaten";

    /// <summary>
    /// The permission an import of this kind needs besides <see cref="LotsenModule.Import"/>: importing
    /// writes what that permission guards (Lotsen: the registry's personal data; Träger: the Träger search).
    /// </summary>
    public static string Berechtigung(this ImportArt art) => art == ImportArt.Lotsen ? LotsenModule.Bearbeiten : LotsenModule.Traeger;

    /// <summary>Whether the user may import this kind: <see cref="LotsenModule.Import"/> and <see cref="Berechtigung"/>.</summary>
    public static bool DarfImportieren(this ICurrentUser user, ImportArt art) => user.Has(LotsenModule.Import) && user.Has(art.Berechtigung());

    /// <summary>Why a user without <see cref="Berechtigung"/> may not import this kind.</summary>
    public static string OhneBerechtigung(this ImportArt art) => art == ImportArt.Lotsen
        ? "Lotsen importieren darf nur, wer Lotsen auch erfassen darf: Dafür fehlt Ihnen die Berechtigung „Lotsen: Lotsen und Anfragen bearbeiten, vermitteln“ (lotsen.bearbeiten)."
        : "Träger-Kandidaten importieren darf nur, wer die Trägersuche bearbeiten darf: Dafür fehlt Ihnen die Berechtigung „Lotsen: Trägersuche und Vereinbarungen“ (lotsen.traeger).";

    /// <summary>Refuses the import of this kind for a user without both permissions (the endpoints check them before; this guards every other way in).</summary>
    public static void PruefeBerechtigung(this ICurrentUser user, ImportArt art)
    {
        if (!user.DarfImportieren(art))
        {
            throw new DomainRuleException(art.OhneBerechtigung());
        }
    }

    /// <summary>Both imports take the SDK's standard limits: 2 MB and 5,000 rows.</summary>
    public static CsvImportLimits Grenzen => CsvImportLimits.Standard;

    /// <summary>"12 Lotsen importiert" / "1 Träger importiert".</summary>
    public static string Ergebnis(this ImportArt art, int anzahl) => $"{anzahl} {(art == ImportArt.Lotsen ? (anzahl == 1 ? "Lotse" : "Lotsen") : "Träger")} importiert";
}

internal sealed record ImportErgebnis(string Art, int Importiert, string Meldung);
