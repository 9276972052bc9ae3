namespace IntegrationsPlattform.Modules.Schulungen.Tests;

/// <summary>
/// The test kit's <see cref="ModuleFixture"/> for Schulungen, without demo data: a staff member of the
/// WIR-Vielfaltszentrum holding the module's staff permission for the whole Kreis is made per fixture.
/// </summary>
public abstract class SchulungenFixture : ModuleFixture
{
    /// <summary>The module's permissions, as its manifest declares them.</summary>
    protected const string Verwalten = "schulungen.verwalten";

    protected const string Anwesenheit = "schulungen.anwesenheit";

    protected override string ModuleId => "Schulungen";

    /// <summary>Staff of the WIR-Vielfaltszentrum with every Schulungen permission (JSON API).</summary>
    protected HttpClient StaffApi { get; private set; } = null!;

    /// <summary>The same kind of staff member signed in to the pages (cookie session), as a browser.</summary>
    protected HttpClient StaffBrowser { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task SignInStaffAsync()
    {
        StaffApi = await ApiAsync("fachkraft-api", TestGrant.For(Verwalten), TestGrant.For(Anwesenheit));
        StaffBrowser = await BrowserAsync("fachkraft-seiten", TestGrant.For(Verwalten), TestGrant.For(Anwesenheit));
    }

    [OneTimeTearDown]
    public void DisposeStaffClients()
    {
        StaffApi.Dispose();
        StaffBrowser.Dispose();
    }

    /// <summary>A page as the staff member sees it (must answer 200), HTML-decoded.</summary>
    protected Task<string> PageAsync(string path) => PageForms.TextAsync(StaffBrowser, path);

    /// <summary>Posts the staff member's form <paramref name="handler"/> of the page at <paramref name="path"/> as a browser does.</summary>
    protected Task<HttpResponseMessage> SubmitAsync(string path, string handler, params (string Name, string Value)[] fields)
        => PageForms.SubmitAsync(StaffBrowser, path, handler, fields);
}
