using System.Text;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IntegrationsPlattform.Browser.Tests.Modules.Gesundheit;

/// <summary>
/// Translated materials of an offer in a real browser: staff open a demo offer's materials, a GIF named .pdf is refused
/// at the file field, a PDF in Arabic is listed with its language; axe checks the page with and without the refusal.
/// </summary>
[TestFixture]
public sealed class GesundheitMaterialienTests : ModuleBrowserTest
{
    [Test]
    public async Task StaffUploadATranslatedFlyerToAnOfferAfterAWrongKindIsRefused()
    {
        await SignInAsStaffAsync();
        await Page.GotoAsync("/gesundheit/verwaltung/angebote");
        await Page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Link).First.ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Materialien", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Materialien:");

        var datei = Page.GetByLabel("Datei", new() { Exact = true });
        await Page.GetByLabel("Sprache des Materials").SelectOptionAsync(new SelectOptionValue { Label = "Arabisch" });
        await Page.GetByLabel("Titel für den Download").FillAsync("Flyer Vorsorge (Arabisch)");
        await datei.SetInputFilesAsync(new FilePayload { Name = "flyer.pdf", MimeType = "application/pdf", Buffer = "GIF89a\u0001\0\u0001\0"u8.ToArray() });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Hochladen" }).ClickAsync();
        await Expect(Page.GetByText("Diese Art von Datei wird hier nicht angenommen (erkannt: GIF-Bild).", new() { Exact = false })).ToBeVisibleAsync();
        await Expect(datei).ToHaveAttributeAsync("aria-invalid", "true");
        await AssertNoSeriousViolationsAsync();

        await Page.GetByLabel("Sprache des Materials").SelectOptionAsync(new SelectOptionValue { Label = "Arabisch" });
        await Page.GetByLabel("Titel für den Download").FillAsync("Flyer Vorsorge (Arabisch)");
        await datei.SetInputFilesAsync(new FilePayload { Name = "flyer.pdf", MimeType = "application/pdf", Buffer = Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF\n") });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Hochladen" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Das Material wurde hochgeladen.");
        var liste = Page.GetByRole(AriaRole.Region, new() { Name = "Materialien nach Sprache" });
        await Expect(liste).ToContainTextAsync("Flyer Vorsorge (Arabisch)");
        await Expect(liste).ToContainTextAsync("Arabisch");
        await SaveScreenshotAsync("gesundheit-materialien");
        await AssertNoSeriousViolationsAsync();
    }
}
