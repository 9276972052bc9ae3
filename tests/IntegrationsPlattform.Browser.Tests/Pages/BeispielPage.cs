using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IntegrationsPlattform.Browser.Tests;

/// <summary>The test plugin's page /beispiel: a list of entries and a create form.</summary>
internal sealed partial class BeispielPage(IPage page)
{
    public ILocator Titel => page.GetByLabel("Titel", new() { Exact = true });

    public ILocator Kommune => page.GetByLabel("Kommune", new() { Exact = true });

    public ILocator Speichern => page.GetByRole(AriaRole.Button, new() { Name = "Speichern", Exact = true });

    /// <summary>The table of entries (caption "Einträge (n)").</summary>
    public ILocator Eintraege => page.GetByRole(AriaRole.Table, new() { NameRegex = EntriesCaption() });

    public ILocator Row(string titel) => Eintraege.GetByRole(AriaRole.Row).Filter(new() { HasText = titel });

    public async Task OpenAsync()
    {
        await page.GotoAsync("/beispiel");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Beispiel-Einträge", Level = 1 })).ToBeVisibleAsync();
    }

    /// <summary>Fills and submits the form, then waits for the redirect after the save.</summary>
    public async Task CreateAsync(string titel, string kommune)
    {
        await Titel.FillAsync(titel);
        await Kommune.SelectOptionAsync(new SelectOptionValue { Label = kommune });
        await Speichern.ClickAsync();
        await Expect(page).ToHaveURLAsync(SavedUrl());
    }

    [GeneratedRegex(@"^Einträge \(\d+\)$")]
    private static partial Regex EntriesCaption();

    [GeneratedRegex(@"/beispiel\?gespeichert=true$")]
    private static partial Regex SavedUrl();
}
