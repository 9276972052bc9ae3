namespace IntegrationsPlattform.Modules.Gesundheit.Tests;

/// <summary>
/// The test kit's <see cref="ModuleFixture"/> for Gesundheit, with the demo accounts: <c>admin</c> (platform only)
/// and <c>fachkraft</c> (every Gesundheit permission for all offers).
/// </summary>
public abstract class GesundheitFixture : ModuleFixture
{
    protected override string ModuleId => "Gesundheit";

    protected override bool DemoData => true;

    /// <summary>Staff of the WIR-Vielfaltszentrum (JSON API), holding every Gesundheit permission for all offers.</summary>
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
}
