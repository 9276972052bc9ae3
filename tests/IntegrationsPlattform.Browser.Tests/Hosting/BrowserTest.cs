using Microsoft.Playwright;
using NUnit.Framework.Interfaces;
using static Microsoft.Playwright.Assertions;

namespace IntegrationsPlattform.Browser.Tests;

/// <summary>
/// Base of every browser fixture: one host per fixture, a fresh browser context (no cookies) and page
/// per test. A failing test leaves a screenshot as test attachment.
/// </summary>
public abstract class BrowserTest
{
    /// <summary>Signed-in sessions (Playwright storage state) per user name, reused within the fixture.</summary>
    private readonly Dictionary<string, string> _sessions = new(StringComparer.Ordinal);

    private BrowserHost? _host;
    private IBrowserContext? _context;
    private IPage? _page;

    protected BrowserHost Host => _host ?? throw new InvalidOperationException("Kein Host gestartet.");

    protected IPage Page => _page ?? throw new InvalidOperationException("Keine Seite geöffnet.");

    /// <summary>Where screenshots go: $BROWSER_SCREENSHOTS, else screenshots/ in the test's work directory.</summary>
    private static string ScreenshotDirectory
        => Environment.GetEnvironmentVariable("BROWSER_SCREENSHOTS") is { Length: > 0 } directory
            ? directory
            : Path.Combine(TestContext.CurrentContext.WorkDirectory, "screenshots");

    /// <summary>Settings of this fixture's host besides the defaults (e.g. enabling a module).</summary>
    protected virtual IDictionary<string, string?>? Settings => null;

    [OneTimeSetUp]
    public void StartHost() => _host = new BrowserHost(Settings);

    [OneTimeTearDown]
    public void StopHost() => _host?.Dispose();

    [SetUp]
    public Task OpenPageAsync() => OpenContextAsync(storageState: null);

    [TearDown]
    public async Task ClosePageAsync()
    {
        try
        {
            if (_page is not null && TestContext.CurrentContext.Result.Outcome.Status == TestStatus.Failed)
            {
                await SaveScreenshotAsync("fehler-" + TestContext.CurrentContext.Test.Name);
            }
        }
        finally
        {
            await CloseContextAsync();
        }
    }

    /// <summary>Signs in through the login form, as a person would: by the field labels. Ends on the start page.</summary>
    protected async Task SignInThroughFormAsync(string userName, string password)
    {
        await Page.GotoAsync("/account/login");
        await Page.GetByLabel("Benutzername", new() { Exact = true }).FillAsync(userName);
        await Page.GetByLabel("Passwort", new() { Exact = true }).FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Anmelden", Exact = true }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(Host.Url("/"));
    }

    /// <summary>
    /// Signed in as the user, on the start page: through the form the first time in this fixture,
    /// afterwards with the session cookie of that first sign-in (in a fresh context).
    /// </summary>
    protected async Task SignInAsync(string userName, string password)
    {
        if (_sessions.TryGetValue(userName, out var storageState))
        {
            await CloseContextAsync();
            await OpenContextAsync(storageState);
            await Page.GotoAsync("/");
            await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Abmelden", Exact = true })).ToBeVisibleAsync();
            return;
        }

        await SignInThroughFormAsync(userName, password);
        _sessions[userName] = await _context!.StorageStateAsync();
    }

    protected Task SignInAsAdminAsync() => SignInAsync(PlatformHost.AdminUser, PlatformHost.AdminPassword);

    protected Task SignInAsStaffAsync() => SignInAsync(PlatformHost.StaffUser, PlatformHost.StaffPassword);

    protected ILocator Heading(string name, int level = 1)
        => Page.GetByRole(AriaRole.Heading, new() { Name = name, Exact = true, Level = level });

    /// <summary>A full-page screenshot, attached to the test result.</summary>
    protected async Task<string> SaveScreenshotAsync(string name)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        var path = Path.Combine(ScreenshotDirectory, "browser-" + string.Concat(name.Select(c => char.IsLetterOrDigit(c) || c == '-' ? c : '_')) + ".png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        TestContext.AddTestAttachment(path);
        return path;
    }

    /// <summary>The kit's accessibility check (<see cref="Accessibility.AssertNoSeriousViolationsAsync"/>) on the current page.</summary>
    protected Task AssertNoSeriousViolationsAsync() => Accessibility.AssertNoSeriousViolationsAsync(Page);

    /// <summary>The kit's check that every ARIA reference on the current page resolves.</summary>
    protected Task AssertAriaReferencesResolveAsync() => Accessibility.AssertAriaReferencesResolveAsync(Page);

    private async Task OpenContextAsync(string? storageState)
    {
        _context = await BrowserSession.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Host.BaseAddress.ToString(),
            Locale = "de-DE",
            TimezoneId = "Europe/Berlin",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            StorageState = storageState,
        });
        _context.SetDefaultTimeout(10_000);
        _page = await _context.NewPageAsync();
    }

    private async Task CloseContextAsync()
    {
        if (_context is not null)
        {
            await _context.CloseAsync();
        }

        _context = null;
        _page = null;
    }
}
