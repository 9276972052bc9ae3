using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IntegrationsPlattform.Browser.Tests;

/// <summary>
/// The SDK's file upload and printable document in a plugin's pages: a refused file is named at the field, an
/// accepted one is listed with its download link, and the entry's certificate prints as an accessible page.
/// </summary>
[TestFixture]
public sealed partial class BeispielDateienTests : BrowserTest
{
    [Test]
    public async Task FileIsUploadedOnAnEntryAndItsCertificatePrints()
    {
        await SignInAsStaffAsync();
        var beispiel = new BeispielPage(Page);
        await beispiel.OpenAsync();
        await beispiel.CreateAsync("Sprachcafé Michelstadt", "Michelstadt");
        await beispiel.Row("Sprachcafé Michelstadt").GetByRole(AriaRole.Link, new() { Name = "Sprachcafé Michelstadt" }).ClickAsync();
        await Expect(Heading("Sprachcafé Michelstadt")).ToBeVisibleAsync();
        var datei = Page.GetByLabel("Datei", new() { Exact = true });
        var hochladen = Page.GetByRole(AriaRole.Button, new() { Name = "Hochladen" });

        await datei.SetInputFilesAsync(new FilePayload { Name = "bild.gif", MimeType = "image/gif", Buffer = "GIF89a\u0001\0\u0001\0"u8.ToArray() });
        await hochladen.ClickAsync();
        await Expect(Page.GetByText("Diese Art von Datei wird hier nicht angenommen (erkannt: GIF-Bild).", new() { Exact = false })).ToBeVisibleAsync();
        await Expect(datei).ToHaveAttributeAsync("aria-invalid", "true");
        await AssertNoSeriousViolationsAsync();
        await SaveScreenshotAsync("beispiel-datei-abgelehnt");

        await datei.SetInputFilesAsync(new FilePayload { Name = "Teilnahme März.pdf", MimeType = "application/pdf", Buffer = Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF\n") });
        await hochladen.ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Datei „Teilnahme März.pdf“ hochgeladen.");
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Teilnahme März.pdf" })).ToHaveAttributeAsync("href", DownloadLink());
        await AssertNoSeriousViolationsAsync();

        await Page.GetByRole(AriaRole.Link, new() { Name = "Bescheinigung (Druckseite und PDF)" }).ClickAsync();
        await Expect(Heading("Bescheinigung: Sprachcafé Michelstadt")).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Table, new() { Name = "Hochgeladene Nachweise" }).GetByRole(AriaRole.Cell, new() { Name = "Teilnahme März.pdf" })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Img, new() { Name = "Siegel des Beispielprogramms" })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Img, new() { Name = "QR-Code: Diese Bescheinigung online ansehen:" })).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync();
        await SaveScreenshotAsync("beispiel-bescheinigung");

        // Printed, the page is the document alone: no navigation, no links to other pages.
        await Page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(Page.Locator(".main-nav")).ToBeHiddenAsync();
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Als PDF herunterladen" })).ToBeHiddenAsync();
        await SaveScreenshotAsync("beispiel-bescheinigung-druck");
    }

    [GeneratedRegex(@"^/beispiel/eintraege/[0-9a-f-]{36}/dateien/[0-9a-f-]{36}$")]
    private static partial Regex DownloadLink();
}
