using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Modules.Schulungen.Features.Anmeldungen;

namespace IntegrationsPlattform.Modules.Schulungen.Pages.Anmeldungen;

/// <summary>How the registration pages show an appointment's time: digits only, readable in every language of the public pages.</summary>
internal static class AnmeldungenAnzeige
{
    public static string Zeitraum(TerminZeit z)
        => $"{z.Beginn.ToString("dd.MM.yyyy, HH:mm", GermanFormat.Culture)}–{z.Ende.ToString("HH:mm", GermanFormat.Culture)}";
}
