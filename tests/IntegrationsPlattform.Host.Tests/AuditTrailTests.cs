using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using IntegrationsPlattform.Contracts.Security;
using Microsoft.Data.Sqlite;

namespace IntegrationsPlattform.Host.Tests;

/// <summary>
/// A command's audit rows reach host.db after its commit and before its response, and only if it
/// commits: read straight from host.db, as an auditor would.
/// </summary>
[TestFixture]
public sealed class AuditTrailTests : HostFixture
{
    [Test]
    public async Task ACommandsAuditRowIsInHostDbWhenTheApiHasAnswered()
    {
        using var created = await StaffApi.PostAsJsonAsync("/api/beispiel/eintraege", new { titel = "Protokolliert", kommuneAgs = "06437006" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        var rows = AuditRowsOfEntry(id!);
        Assert.Multiple(() =>
        {
            Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(rows, Has.Count.EqualTo(1));
            Assert.That(rows[0], Is.EqualTo(("Create", "Beispiel", "fachkraft", "POST /api/beispiel/eintraege")));
        });
    }

    [Test]
    public async Task ACommandFailingAfterRecordingLeavesNeitherAuditRowNorRecord()
    {
        var auditedBefore = CountCreatedEntryAuditRows();
        using var rejected = await StaffApi.PostAsJsonAsync("/api/beispiel/eintraege", new { titel = "Spät abgewiesen", kommuneAgs = "06437006", personEmail = "ohne.namen@demo.invalid" });

        using var connection = new SqliteConnection($"Data Source={Host.ModuleDatabase("Beispiel")}");
        Assert.Multiple(() =>
        {
            Assert.That(rejected.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(connection.ExecuteScalar<long>("SELECT count(*) FROM eintraege WHERE titel = 'Spät abgewiesen'"), Is.Zero);
            Assert.That(CountCreatedEntryAuditRows(), Is.EqualTo(auditedBefore));
        });
    }

    [Test]
    public async Task AWriteOutsideTheUsersScopeIsRolledBackAndOnlyItsRefusalIsAudited()
    {
        var erbach = await TestAccounts.CreateAsync(AdminApi, "erbach", new TestGrant("beispiel.schreiben", ScopeKind.Municipalities, "06437006"));
        using var client = await Host.ApiClientAsync(erbach.UserName, TestAccounts.Password);
        var auditedBefore = CountCreatedEntryAuditRows();

        using var refused = await client.PostAsJsonAsync("/api/beispiel/eintraege", new { titel = "Außerhalb", kommuneAgs = "06437011" });

        using var module = new SqliteConnection($"Data Source={Host.ModuleDatabase("Beispiel")}");
        using var connection = OpenHostDatabase();
        var rows = connection.Query<(string, string, string?, string, string)>(
            "SELECT action, module, record_type, endpoint, details FROM audit_log WHERE user_name = @user", new { user = erbach.UserName }).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(module.ExecuteScalar<long>("SELECT count(*) FROM eintraege WHERE titel = 'Außerhalb'"), Is.Zero);
            Assert.That(CountCreatedEntryAuditRows(), Is.EqualTo(auditedBefore), "the entry recorded inside the command went with its rollback");
            Assert.That(rows, Is.EqualTo(new[] { ("Refused", "Beispiel", (string?)"Eintrag", "POST /api/beispiel/eintraege", "beispiel.schreiben: Kommunen außerhalb des Bereichs 06437011") }));
        });
    }

    [Test]
    public async Task FortyConcurrentWritesHaveExactlyOneAuditRowEach()
    {
        var writes = Enumerable.Range(0, 40).Select(async i =>
        {
            using var response = await StaffApi.PostAsJsonAsync("/api/beispiel/eintraege", new { titel = "Gleichzeitig " + i, kommuneAgs = "06437003" });
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        });
        var ids = await Task.WhenAll(writes);

        using var connection = OpenHostDatabase();
        var rowsPerEntry = connection.Query<(string RecordId, long Rows)>(
            "SELECT record_id, count(*) FROM audit_log WHERE action = 'Create' AND record_type = 'Eintrag' AND record_id IN @ids GROUP BY record_id",
            new { ids }).ToDictionary(r => r.RecordId, r => r.Rows);
        Assert.That(rowsPerEntry, Is.EquivalentTo(ids.ToDictionary(id => id, _ => 1L)));
    }

    private List<(string Action, string Module, string? UserName, string Endpoint)> AuditRowsOfEntry(string id)
    {
        using var connection = OpenHostDatabase();
        return connection.Query<(string, string, string?, string)>(
            "SELECT action, module, user_name, endpoint FROM audit_log WHERE record_type = 'Eintrag' AND record_id = @id", new { id }).ToList();
    }

    private long CountCreatedEntryAuditRows()
    {
        using var connection = OpenHostDatabase();
        return connection.ExecuteScalar<long>("SELECT count(*) FROM audit_log WHERE action = 'Create' AND record_type = 'Eintrag'");
    }

    private SqliteConnection OpenHostDatabase() => new($"Data Source={Path.Combine(Host.DataDirectory, "host.db")};Mode=ReadOnly");
}
