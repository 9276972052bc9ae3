using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Print;
using IntegrationsPlattform.Contracts.Web;
using MediatR;
using Microsoft.AspNetCore.Http;

namespace IntegrationsPlattform.Modules.Schulungen.Features.Bescheinigungen;

/// <summary>
/// The Teilnahmebescheinigung as one document model, served as a PDF (<see cref="IPrintDocuments"/>) and as its HTML twin
/// (<c>/schulungen/bescheinigungen/{id}</c>); its QR code carries the address of the public check.
/// </summary>
internal static class BescheinigungDruck
{
    public static string Seite(string id) => $"/schulungen/bescheinigungen/{id}";

    public static string Pruefseite(string code) => $"/schulungen/nachweis/{code}";

    public static PrintDocument Dokument(BescheinigungDetail b, DeploymentInfo deployment, IPublicLinks links, ILocalClock clock)
    {
        var ausgestellt = GermanFormat.Day(DateOnly.FromDateTime(clock.ToLocal(GermanFormat.ParseStoredInstant(b.AusgestelltAm)).DateTime));
        var bloecke = new List<PrintBlock>();
        if (b.ZurueckgezogenAm is not null)
        {
            bloecke.Add(new PrintText($"Zurückgezogen: Diese Bescheinigung ist nicht mehr gültig. Grund: {b.RueckzugGrund}"));
        }

        bloecke.AddRange(
        [
            new PrintText($"{b.Name ?? b.Initialen} hat an der Fortbildung „{b.KursTitel}“ teilgenommen, veranstaltet vom WIR-Vielfaltszentrum ({deployment.KreisName})."),
            new PrintTable("Angaben zur Fortbildung", ["Angabe", "Inhalt"],
            [
                ["Fortbildung", b.KursTitel],
                ["Ort", b.Kommune ?? "online"],
                ["Termine", string.Join("; ", b.Zeiten)],
                ["Umfang", $"{b.Unterrichtseinheiten} Unterrichtseinheiten ({GermanFormat.Number(b.Stunden, 2)} Zeitstunden)"],
            ]),
            new PrintHeading("Lernziele"),
            new PrintText(string.Join("\n", b.Lernziele.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(z => "– " + z))),
            new PrintText($"{deployment.Seat}, den {ausgestellt}"),
            new PrintText($"\n\n______________________________________\nUnterschrift, WIR-Vielfaltszentrum – {deployment.KreisName}"),
            new PrintText($"Prüfcode: {b.Code}"),
            new PrintQrCode(links.Absolute(Pruefseite(b.Code)).ToString(), "Echtheit online prüfen:"),
        ]);
        return new PrintDocument("Teilnahmebescheinigung", bloecke);
    }

    /// <summary>The PDF download, for the API and for the page (signed in by cookie).</summary>
    public static async Task<IResult> PdfAsync(Guid id, IMediator mediator, DeploymentInfo deployment, IPublicLinks links, ILocalClock clock, IPrintDocuments print, CancellationToken ct)
    {
        var bescheinigung = await mediator.Send(new GetBescheinigung(id.ToString()), ct);
        return Results.File(print.RenderPdf(Dokument(bescheinigung, deployment, links, clock)), "application/pdf", $"teilnahmebescheinigung-{bescheinigung.Code}.pdf");
    }
}
