using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;

namespace IntegrationsPlattform.Host.Tests;

/// <summary>
/// Nothing is lost between commit and delivery: the real host as a process commits a change with a notification to
/// another module and a public form's entry with its confirmation mail, is killed (SIGKILL) before it delivers them,
/// and after the restart the notification is handled and the mail sent — once each.
/// </summary>
[TestFixture]
public sealed class OutboxKillTests
{
    private const string Email = "kill-9@beispiel.invalid";

    private string _dataDirectory = null!;
    private readonly StringBuilder _log = new();

    [SetUp]
    public void CreateDataDirectory() => _dataDirectory = Directory.CreateTempSubdirectory("ip-kill-").FullName;

    [TearDown]
    public void DeleteDataDirectory()
    {
        if (TestContext.CurrentContext.Result.Outcome.Status == NUnit.Framework.Interfaces.TestStatus.Failed)
        {
            TestContext.Out.WriteLine(_log.ToString());
        }

        SqliteConnection.ClearAllPools();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    [Test]
    public async Task ANotificationAndAMailCommittedBeforeAKillAreDeliveredOnceAfterTheRestart()
    {
        var port = FreePort();
        string entryId;
        using (var first = StartHost(port, paused: true, TestClock.Start))
        {
            try
            {
                using var client = await ReadyClientAsync(port);
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(client));
                using var created = await client.PostAsJsonAsync("/api/beispiel/eintraege", new { titel = "Nach dem Absturz", kommuneAgs = "06437004" });
                Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());
                entryId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
                await RegisterAsync(port);
            }
            finally
            {
                first.Kill();
                await first.WaitForExitAsync();
            }
        }

        var waitingAtKill = (Notification: Waiting("Beispiel", entryId), Mail: Waiting(null, Email));
        var mailsAtKill = MailsTo(Email);

        // Later, as after a real crash: the messages' next try is due at once, however long the first start took.
        using var second = StartHost(port, paused: false, TestClock.Start.AddHours(1));
        try
        {
            using var client = await ReadyClientAsync(port);
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(client));
            var deadline = Stopwatch.StartNew();
            while ((Waiting("Beispiel", entryId) > 0 || Waiting(null, Email) > 0) && deadline.Elapsed < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(200);
            }

            var handled = (await client.GetFromJsonAsync<JsonElement>($"/api/verbraucher/empfangen/{entryId}")).GetProperty("mal").GetInt32();
            Assert.Multiple(() =>
            {
                Assert.That(waitingAtKill, Is.EqualTo((1L, 1L)), "both messages were committed and not delivered when the host was killed");
                Assert.That(mailsAtKill, Is.Zero);
                Assert.That(handled, Is.EqualTo(1), "the notification was handled once after the restart");
                Assert.That(MailsTo(Email), Is.EqualTo(1), "the confirmation mail was sent once after the restart");
            });
        }
        finally
        {
            second.Kill();
            await second.WaitForExitAsync();
        }
    }

    private Process StartHost(int port, bool paused, DateTimeOffset clockStart)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.Combine(RepositoryPaths.Root(), "host", "IntegrationsPlattform.Host"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
                 {
                     Path.Combine(AppContext.BaseDirectory, "IntegrationsPlattform.Host.dll"),
                     "--environment", "Demo",
                     $"--urls=http://127.0.0.1:{port}",
                     $"--Platform:DataDirectory={_dataDirectory}",
                     $"--Platform:PluginsDirectory={PlatformHost.PluginsDirectory}",
                     $"--Platform:Clock:Start={TestClock.ForHost(clockStart)}",
                     "--Modules:Beispiel:Enabled=true",
                     "--Modules:Verbraucher:Enabled=true",
                     $"--Platform:Outbox:Paused={(paused ? "true" : "false")}",
                 })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => Log(e.Data);
        process.ErrorDataReceived += (_, e) => Log(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private void Log(string? line)
    {
        lock (_log)
        {
            _log.AppendLine(line);
        }
    }

    /// <summary>A client once the host answers its health check (the first start seeds the demo data first).</summary>
    private static async Task<HttpClient> ReadyClientAsync(int port)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var health = await client.GetAsync("/health");
                return client;
            }
            catch (HttpRequestException) when (waited.Elapsed < TimeSpan.FromSeconds(90))
            {
                await Task.Delay(250);
            }
        }
    }

    private static async Task<string> TokenAsync(HttpClient client)
    {
        using var response = await client.PostAsJsonAsync("/api/auth/token", new { userName = PlatformHost.StaffUser, password = PlatformHost.StaffPassword });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    /// <summary>An entry on the Beispiel module's public form: its confirmation mail goes into host.db's outbox.</summary>
    private static async Task RegisterAsync(int port)
    {
        using var visitor = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        using var response = await PageForms.SubmitAsync(visitor, "/beispiel/anmeldung", "anmeldung", ("Input.Name", "Amal Haddad"), ("Input.Email", Email), ("Input.KommuneAgs", "06437006"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    /// <summary>Messages in the outbox of a module's database (host.db for null) whose content names <paramref name="text"/>.</summary>
    private long Waiting(string? moduleId, string text)
    {
        var path = moduleId is null ? Path.Combine(_dataDirectory, "host.db") : Path.Combine(_dataDirectory, "modules", moduleId + ".db");
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        return connection.ExecuteScalar<long>("SELECT count(*) FROM platform_outbox WHERE instr(payload, @text) > 0", new { text });
    }

    private int MailsTo(string address)
    {
        var folder = Path.Combine(_dataDirectory, "mail");
        return Directory.Exists(folder) ? Directory.GetFiles(folder, "*.eml").Count(f => File.ReadAllText(f).Contains(address, StringComparison.OrdinalIgnoreCase)) : 0;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
