using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationsPlattform.Browser.Tests;

/// <summary>
/// The same host as the host tests (<see cref="PlatformHost"/>: fresh data directory, built plugin
/// folder, demo accounts), but served by a real Kestrel on 127.0.0.1 with a free port, so a browser
/// can reach it.
/// </summary>
public sealed class BrowserHost : IDisposable
{
    private readonly PlatformHost _host;

    public BrowserHost(IDictionary<string, string?>? settings = null)
    {
        _host = new PlatformHost(settings);
        try
        {
            _host.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
            _host.StartServer();
            var addresses = _host.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
            BaseAddress = new Uri(addresses.Single());
        }
        catch
        {
            _host.Dispose();
            throw;
        }
    }

    /// <summary>For example http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress { get; }

    public string Url(string path) => new Uri(BaseAddress, path).ToString();

    /// <summary>
    /// The platform admin's API client, for accounts a test needs (<c>TestAccounts.CreateAsync</c>).
    /// The in-memory client of the test server does not reach a host on Kestrel: this one goes over the socket.
    /// </summary>
    public async Task<HttpClient> AdminApiAsync()
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        using var response = await client.PostAsJsonAsync("/api/auth/token", new { userName = PlatformHost.AdminUser, password = PlatformHost.AdminPassword });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>The host's clock, from the suite's starting moment.</summary>
    public MovableClock Clock => _host.Clock;

    /// <summary>The database file of a module, for seeding what its pages need.</summary>
    public string ModuleDatabase(string moduleId) => _host.ModuleDatabase(moduleId);

    /// <summary>The path of the double opt-in link in the last mail to the address (from the pickup folder).</summary>
    public string ConfirmationLink(string address) => _host.ConfirmationLink(address);

    /// <summary>The path of the link under <paramref name="pathStart"/> (an invitation, a password reset) in the last mail to the address.</summary>
    public string LinkInLastMail(string address, string pathStart) => _host.LinkInLastMail(address, pathStart);
    /// <summary>Delivers what the outboxes hold now (see <see cref="PlatformHost.DeliverOutboxAsync"/>).</summary>
    public Task<int> DeliverOutboxAsync() => _host.DeliverOutboxAsync();

    public void Dispose() => _host.Dispose();
}
