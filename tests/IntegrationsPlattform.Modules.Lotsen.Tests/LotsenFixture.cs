namespace IntegrationsPlattform.Modules.Lotsen.Tests;

/// <summary>
/// The test kit's <see cref="ModuleFixture"/> for Lotsen, beside <c>LotsenNutzer</c> (a test plugin that uses its
/// contracts), with the demo data: the tests build on the demo Lotsen, Träger and accounts — <c>admin</c> (platform
/// only) and <c>fachkraft</c> (every Lotsen permission).
/// </summary>
public abstract class LotsenFixture : ModuleFixture
{
    protected override string ModuleId => "Lotsen";

    protected override IReadOnlyList<string> Peers => ["LotsenNutzer"];

    protected override bool DemoData => true;

    /// <summary>Staff of the WIR-Vielfaltszentrum, holding every Lotsen permission for the whole Kreis.</summary>
    protected HttpClient StaffApi { get; private set; } = null!;

    /// <summary>The same staff member signed in to the pages (cookie session), as a browser.</summary>
    protected HttpClient StaffBrowser { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task SignInStaffAsync()
    {
        StaffApi = await Host.ApiClientAsync(PlatformHost.StaffUser, PlatformHost.StaffPassword);
        StaffBrowser = await Host.SignedInClientAsync(PlatformHost.StaffUser, PlatformHost.StaffPassword);
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

    protected Task<HttpResponseMessage> SubmitAsync(string path, string handler, Dictionary<string, string> fields)
        => PageForms.SubmitAsync(StaffBrowser, path, handler, fields);
}
