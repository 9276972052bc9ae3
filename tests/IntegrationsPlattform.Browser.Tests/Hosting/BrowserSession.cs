using Microsoft.Playwright;

namespace IntegrationsPlattform.Browser.Tests;

/// <summary>
/// One Playwright driver and one Chromium per test run, shared by every fixture in this assembly.
/// The browser is Debian's /usr/bin/chromium; nothing is ever downloaded (no <c>playwright install</c>).
/// </summary>
[SetUpFixture]
public sealed class BrowserSession
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ];

    private static IPlaywright? _playwright;
    private static IBrowser? _browser;

    public static IBrowser Browser => _browser ?? throw new InvalidOperationException("Der Browser wurde nicht gestartet (BrowserSession.LaunchAsync lief nicht).");

    private static bool OnCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    [OneTimeSetUp]
    public async Task LaunchAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            var message = $"Chromium fehlt unter {ChromiumPath}: die Browser-Tests brauchen das Debian-Paket 'chromium' (apt-get update && apt-get install -y chromium).";
            if (OnCi)
            {
                Assert.Fail(message + " Auf CI (CI=true) ist das ein Fehler: .ci/run installiert es.");
            }

            Assert.Ignore(message + " Lokal werden die Browser-Tests deshalb übersprungen.");
        }

        // Generous for a loaded two-core CI machine; a passing check returns at once anyway.
        Assertions.SetDefaultExpectTimeout(10_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    [OneTimeTearDown]
    public async Task CloseAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
            _browser = null;
        }

        _playwright?.Dispose();
        _playwright = null;
    }
}
