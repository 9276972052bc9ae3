using System.Net;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.AspNetCore.Mvc.Testing;
using static IntegrationsPlattform.Modules.Schulungen.Tests.Anmeldungen.AnmeldungTestdaten;

namespace IntegrationsPlattform.Modules.Schulungen.Tests.Anmeldungen;

/// <summary>
/// Capacity is never exceeded, also when many people confirm at the same moment: 100 visitors open their confirmation
/// links at once (real concurrent requests through the platform's opt-in and the module's command) for a session with
/// 20 seats and a waiting list of 30. The capacity triggers decide; the module turns their refusals into the waiting
/// list and the clear refusal — no error anywhere.
/// </summary>
public sealed partial class AnmeldungenWettlaufTests : SchulungenFixture
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Platform:OptIn:PerClientPerHour"] = "1000" };

    [Test]
    public async Task Hundred_simultaneous_confirmations_fill_twenty_seats_thirty_waiting_places_in_order_and_refuse_fifty()
    {
        var termin = NeuerTermin(Host, kapazitaet: 20, maxWarteliste: 30);
        var adressen = Enumerable.Range(1, 100).Select(i => $"wettlauf{i}@schule.example.invalid").ToList();
        using (var besucher = Host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }))
        {
            foreach (var email in adressen)
            {
                using var gesendet = await PageForms.SubmitAsync(besucher, $"/schulungen/termine/{termin.Id}/anmeldung", "anmeldung",
                    ("Input.Vorname", "Kim"), ("Input.Nachname", "Wettlauf"), ("Input.Email", email));
                Assert.That(gesendet.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            }
        }

        var links = Bestaetigungslinks();
        using var start = new SemaphoreSlim(0);
        var antworten = adressen.Select(async email =>
        {
            using var client = Host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            await start.WaitAsync();
            using var response = await client.GetAsync(links[email]);
            return (response.StatusCode, Text: WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        }).ToList();
        start.Release(adressen.Count);
        var ergebnisse = await Task.WhenAll(antworten);

        using var db = Open(Host);
        var zeilen = db.Query<(long Rowid, string Status, long? Warteposition)>(
            "SELECT rowid, status, warteposition FROM anmeldungen WHERE termin_id = @id ORDER BY rowid", new { id = termin.Id }).ToList();
        var sitze = zeilen.Where(z => z.Status == "angemeldet").ToList();
        var wartend = zeilen.Where(z => z.Status == "warteliste").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(ergebnisse.Select(e => e.StatusCode).Distinct(), Is.EqualTo(new[] { HttpStatusCode.OK }), "no error page");
            Assert.That(sitze, Has.Count.EqualTo(20));
            Assert.That(wartend, Has.Count.EqualTo(30));
            Assert.That(zeilen, Has.Count.EqualTo(50), "the refused ones are not stored");
            Assert.That(ergebnisse.Count(e => e.Text.Contains("Vielen Dank! Ihre Angaben sind bestätigt.", StringComparison.Ordinal)), Is.EqualTo(50));
            Assert.That(ergebnisse.Count(e => e.Text.Contains("Dieser Termin ist ausgebucht, auch die Warteliste ist voll.", StringComparison.Ordinal)), Is.EqualTo(50));
            Assert.That(sitze.Max(z => z.Rowid), Is.LessThan(wartend.Min(z => z.Rowid)), "the seats went to the first confirmations");
            Assert.That(wartend.Select(z => z.Warteposition), Is.EqualTo(Enumerable.Range(1, 30).Select(i => (long?)i)), "the waiting list in order of confirmation");
            Assert.That(db.ExecuteScalar<string>("SELECT status FROM termine WHERE id = @id", new { id = termin.Id }), Is.EqualTo("ausgebucht"));
            Assert.That(Host.Logs.Lines.Where(l => l.StartsWith("Error", StringComparison.Ordinal) || l.StartsWith("Critical", StringComparison.Ordinal)), Is.Empty);
        });
    }

    /// <summary>Each address's confirmation link, from the pickup folder read once (100 mails).</summary>
    private Dictionary<string, string> Bestaetigungslinks()
    {
        Host.DeliverOutboxAsync().GetAwaiter().GetResult();
        return Directory.GetFiles(Path.Combine(Host.DataDirectory, "mail"), "*.eml")
            .Select(path => MimeKit.MimeMessage.Load(path))
            .Select(m => (To: m.To.Mailboxes.Single().Address, Link: Bestaetigung().Match(m.TextBody ?? "")))
            .Where(m => m.Link.Success)
            .ToDictionary(m => m.To, m => new Uri(m.Link.Value).PathAndQuery);
    }

    [GeneratedRegex(@"https?://\S+/bestaetigung/\S+")]
    private static partial Regex Bestaetigung();
}
