using IntegrationsPlattform.Contracts.Files;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Print;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Contracts.Web;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IntegrationsPlattform.TestPlugins.Beispiel;

/// <summary>
/// A printable certificate of an entry, as Schulungen' certificates will be: one document model, served as a
/// PDF and as its HTML twin (<c>/beispiel/eintraege/{id}/druck</c>), whose address the QR code carries.
/// </summary>
internal static class EintragDruck
{
    /// <summary>The seal printed on every certificate, from the plugin's static files.</summary>
    private static readonly Lazy<byte[]> Siegel = new(() => File.ReadAllBytes(Path.Combine(Path.GetDirectoryName(typeof(EintragDruck).Assembly.Location)!, "wwwroot", "siegel.png")));

    public static string Seite(Guid id) => $"/beispiel/eintraege/{id}/druck";

    public static async Task<PrintDocument> DokumentAsync(Guid id, IMediator mediator, IModuleFiles<BeispielModule> files, DeploymentInfo deployment, IPublicLinks links, ILocalClock clock, CancellationToken ct)
    {
        var eintrag = await mediator.Send(new GetEintrag(id), ct);
        var dateien = await files.ListAsync(EintragDateien.Von(id), ct);
        var kommune = deployment.FindMunicipality(eintrag.KommuneAgs)?.Name ?? eintrag.KommuneAgs;
        return new PrintDocument($"Bescheinigung: {eintrag.Titel}",
        [
            new PrintText($"Der Eintrag „{eintrag.Titel}“ in {kommune} ist seit dem {GermanFormat.LocalTime(GermanFormat.ParseStoredInstant(eintrag.CreatedAt), clock)} im Beispielprogramm erfasst."),
            new PrintHeading("Nachweise"),
            new PrintTable("Hochgeladene Nachweise", ["Datei", "Art", "Größe", "Hochgeladen"],
                dateien.Select(d => (IReadOnlyList<string>)[d.Name, d.ContentType, d.SizeText, GermanFormat.LocalTime(d.UploadedAt, clock)]).ToList()),
            new PrintImage(Siegel.Value, "Siegel des Beispielprogramms", 42),
            new PrintQrCode(links.Absolute(Seite(id)).ToString(), "Diese Bescheinigung online ansehen:"),
        ]);
    }

    public static void MapApi(RouteGroupBuilder api)
        => api.MapGet("/eintraege/{id:guid}/bescheinigung.pdf", PdfAsync).RequirePermission(BeispielModule.Lesen);

    public static void MapDownloads(RouteGroupBuilder pages)
        => pages.MapGet("/eintraege/{id:guid}/bescheinigung.pdf", PdfAsync).RequirePermission(BeispielModule.Lesen);

    private static async Task<IResult> PdfAsync(Guid id, IMediator mediator, IModuleFiles<BeispielModule> files, DeploymentInfo deployment, IPublicLinks links, ILocalClock clock, IPrintDocuments print, CancellationToken ct)
        => Results.File(print.RenderPdf(await DokumentAsync(id, mediator, files, deployment, links, clock, ct)), "application/pdf", $"bescheinigung-{id}.pdf");
}
