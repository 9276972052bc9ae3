using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IntegrationsPlattform.Host.Cli;

namespace IntegrationsPlattform.Host.Tests;

/// <summary>
/// A Kreis prepares its configuration before it installs a module: the enabled id without a plugin is
/// listed as "konfiguriert, aber nicht installiert" (API, admin page, CLI), the log warns at start-up,
/// and the host stays healthy.
/// </summary>
[TestFixture]
public sealed class NotInstalledModuleTests
{
    private string _root = null!;
    private PlatformHost _host = null!;

    [OneTimeSetUp]
    public void Start()
    {
        // Only the complete example module: the probes with a deliberate fault would make the host Degraded.
        _root = Path.Combine(Path.GetTempPath(), "ip-tests", Guid.NewGuid().ToString("N"));
        var plugins = Path.Combine(_root, "plugins");
        CopyFolder(Path.Combine(PlatformHost.PluginsDirectory, "Beispiel"), Path.Combine(plugins, "Beispiel"));
        _host = new PlatformHost(new Dictionary<string, string?> { ["Platform:PluginsDirectory"] = plugins, ["Modules:Konzept:Enabled"] = "true" });
        _host.CreateClient().Dispose();
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _host.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    [Test]
    public async Task AnEnabledIdWithoutPluginIsListedAsConfiguredButNotInstalled()
    {
        using var admin = await _host.ApiClientAsync(PlatformHost.AdminUser, PlatformHost.AdminPassword);
        var modules = await admin.GetFromJsonAsync<JsonElement>("/api/admin/modules");
        var konzept = modules.EnumerateArray().Single(m => m.GetProperty("id").GetString() == "Konzept");
        using var browser = await _host.SignedInClientAsync(PlatformHost.AdminUser, PlatformHost.AdminPassword);
        var page = WebUtility.HtmlDecode(await browser.GetStringAsync("/admin/modules"));
        var row = page[page.IndexOf("data-module=\"Konzept\"", StringComparison.Ordinal)..];
        var cli = new StringWriter();
        await new CliCommand("modules", ["list"]).RunAsync(_host.Services, cli, TextWriter.Null);
        Assert.Multiple(() =>
        {
            Assert.That(konzept.GetProperty("state").GetString(), Is.EqualTo("NotInstalled"));
            Assert.That(konzept.GetProperty("reason").GetString(), Does.Contain("Modules:Konzept:Enabled"));
            Assert.That(modules.EnumerateArray().Single(m => m.GetProperty("id").GetString() == "Beispiel").GetProperty("state").GetString(), Is.EqualTo("Enabled"));
            Assert.That(row[..row.IndexOf("</tr>", StringComparison.Ordinal)], Does.Contain("konfiguriert, aber nicht installiert"));
            Assert.That(cli.ToString().Split('\n').Single(l => l.Contains(" Konzept ", StringComparison.Ordinal)), Does.Contain("konfiguriert, aber nicht installiert"));
        });
    }

    [Test]
    public async Task TheHostStaysHealthyAndWarnsAtStartUp()
    {
        using var client = _host.Anonymous();
        var health = await client.GetFromJsonAsync<JsonElement>("/health");
        Assert.Multiple(() =>
        {
            Assert.That(health.GetProperty("status").GetString(), Is.EqualTo("Healthy"));
            Assert.That(_host.Logs.Lines.Where(l => l.StartsWith("Warning", StringComparison.Ordinal)), Has.Some.Contains("Modul Konzept konfiguriert, aber nicht installiert"));
        });
    }

    private static void CopyFolder(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
    }
}
