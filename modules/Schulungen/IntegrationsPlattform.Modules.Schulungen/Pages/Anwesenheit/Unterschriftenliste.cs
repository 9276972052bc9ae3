using IntegrationsPlattform.Contracts.Print;
using IntegrationsPlattform.Modules.Schulungen.Features.Anwesenheit;

namespace IntegrationsPlattform.Modules.Schulungen.Pages.Anwesenheit;

/// <summary>
/// The sign-in sheet of a session as a printable document: per appointment a table of the seat holders with an empty
/// column to sign, so that the trainer can keep the paper as evidence and tick the list online afterwards.
/// </summary>
internal static class Unterschriftenliste
{
    public static PrintDocument Dokument(TerminAnwesenheit liste)
    {
        var bloecke = new List<PrintBlock>
        {
            new PrintText($"{liste.KursTitel} – {liste.Kommune ?? "online"}. Bitte unterschreiben Sie an jedem Termintag, an dem Sie teilnehmen."),
        };
        foreach (var zeit in liste.Zeiten)
        {
            bloecke.Add(new PrintHeading($"{AnwesenheitAnzeige.Tag(zeit)}, {zeit.Ort}"));
            bloecke.Add(new PrintTable(
                $"Unterschriften am Termintag {zeit.Nummer}",
                ["Nr.", "Name", "Unterschrift"],
                liste.Teilnehmende.Select((p, i) => (IReadOnlyList<string>)[(i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), p.Name, ""]).ToList()));
        }

        return new PrintDocument($"Unterschriftenliste: {liste.KursTitel}", bloecke);
    }
}
