using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using IntegrationsPlattform.Contracts.Security;
using Microsoft.Data.Sqlite;

namespace IntegrationsPlattform.Testing;

/// <summary>
/// Where a create or change puts a record: the municipality of a record that has one, the municipalities of one that
/// has several, and — for a module whose permissions can be granted per group — a group a record may belong to
/// (null for a module without groups). The matrix grants its group user another group than this one.
/// </summary>
public sealed record ScopeTarget(string Municipality, IReadOnlyList<string> Municipalities, string? Group = null);

/// <summary>
/// The access matrix of a module's scope check (<see cref="RecordScope"/>) over every endpoint under
/// <c>/api/&lt;module&gt;/</c>, taken from the running host's endpoints: an endpoint without a registration fails it.
/// The module's tests register per endpoint how to make a record in a given municipality and a valid body, or
/// why the endpoint is exempt. The matrix tries every endpoint with two users holding every scopable permission
/// the endpoints need: one scoped to <c>inScope</c>, one to their own records (owning none), and — when the
/// permissions can be granted for groups the module declares — one holding them for another group than the records'
/// (the last group the module lists; records are made in <see cref="ScopeTarget.Group"/>, the first, or in none).
/// Reads of records elsewhere answer 404 and lists leave them out (for the own-records user, lists are empty and
/// count nothing); changes of records elsewhere answer 404; creates and changes that would put a record into another
/// municipality or group answer 403 problem details and leave an audit entry of the refusal; no refused write changes
/// the module's database. Every case first succeeds in scope, so that a refusal is not a fault of the sample.
/// </summary>
public sealed class ScopeMatrix(PlatformHost host, string moduleId, string inScope, string outOfScope)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly Dictionary<string, Case> _cases = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _exempt = new(StringComparer.Ordinal);

    private string Prefix => $"/api/{moduleId.ToLowerInvariant()}/";

    /// <summary>GET of one record (<paramref name="record"/> makes one in a municipality and returns its id).</summary>
    public ScopeMatrix Read(string endpoint, Func<string, Task<string>> record)
        => Register(endpoint, write: false, ofRecord: true, async (run, e) =>
        {
            var inside = await record(inScope);
            var outside = await record(outOfScope);
            await run.SucceedsAsync(run.Scoped, e, e.PathFor(inside), null, $"Lesen in {inScope}");
            await run.NotFoundAsync(run.Scoped, e, e.PathFor(outside), null, $"Lesen in {outOfScope}");
            await run.NotFoundAsync(run.Own, e, e.PathFor(inside), null, "Lesen eines fremden Datensatzes mit Recht auf eigene");
            await run.ForOtherGroupAsync(user => run.NotFoundAsync(user, e, e.PathFor(inside), null, "Lesen mit Recht für eine andere Gruppe"));
        });

    /// <summary>
    /// A list or search: <paramref name="query"/> is its query string for a municipality; <paramref name="record"/> makes a
    /// record there and returns what shows it in the answer (its id, or a unique name in a CSV file).
    /// </summary>
    public ScopeMatrix List(string endpoint, Func<string, string> query, Func<string, Task<string>> record)
        => Register(endpoint, write: false, ofRecord: false, async (run, e) =>
        {
            var inside = await record(inScope);
            var outside = await record(outOfScope);
            var own = new[] { inside, outside };
            if (!(await run.ListAsync(run.Scoped, e, query(inScope))).Contains(inside, StringComparison.Ordinal))
            {
                run.Fail(e, $"Liste in {inScope}: eigener Datensatz fehlt");
            }

            if ((await run.ListAsync(run.Scoped, e, query(outOfScope))).Contains(outside, StringComparison.Ordinal))
            {
                run.Fail(e, $"Liste mit Recht für {inScope}: Datensatz aus {outOfScope} erscheint");
            }

            foreach (var ags in new[] { inScope, outOfScope })
            {
                var answer = await run.ListAsync(run.Own, e, query(ags));
                if (own.Any(marker => answer.Contains(marker, StringComparison.Ordinal)) || !IsEmptyList(answer))
                {
                    run.Fail(e, $"Liste ({ags}) mit Recht auf eigene Datensätze ist nicht leer oder zählt fremde Zeilen");
                }

                await run.ForOtherGroupAsync(async user =>
                {
                    if (own.Any((await run.ListAsync(user, e, query(ags))).Contains))
                    {
                        run.Fail(e, $"Liste ({ags}) mit Recht für eine andere Gruppe zeigt Datensätze außerhalb der Gruppe");
                    }
                });
            }
        });

    /// <summary>A create: <paramref name="body"/> is a valid body that puts the new record where the target says.</summary>
    public ScopeMatrix Create(string endpoint, Func<ScopeTarget, Task<object>> body)
        => Register(endpoint, write: true, ofRecord: false, async (run, e) =>
        {
            await run.SucceedsAsync(run.Scoped, e, e.Pattern, await body(Inside), $"Anlegen in {inScope}");
            await run.RefusedAsync(run.Scoped, e, e.Pattern, await body(Partly), $"Anlegen in {inScope} und {outOfScope}");
            await run.RefusedAsync(run.Scoped, e, e.Pattern, await body(Outside), $"Anlegen in {outOfScope}");
            await run.RefusedAsync(run.Own, e, e.Pattern, await body(Inside), "Anlegen mit Recht auf eigene Datensätze");
            await run.ForOtherGroupAsync(async user => await run.RefusedAsync(user, e, e.Pattern, await body(Inside), "Anlegen mit Recht für eine andere Gruppe"));
        });

    /// <summary>A change that leaves the record where it is (<paramref name="record"/> makes one in a municipality and returns its id).</summary>
    public ScopeMatrix Change(string endpoint, Func<string, Task<string>> record, Func<Task<object>> body)
        => Register(endpoint, write: true, ofRecord: true, (run, e) => ChangeAsync(run, e, record, _ => body()));

    /// <summary>A change whose body says where the record lies afterwards.</summary>
    public ScopeMatrix Move(string endpoint, Func<string, Task<string>> record, Func<ScopeTarget, Task<object>> body)
        => Register(endpoint, write: true, ofRecord: true, async (run, e) =>
        {
            await ChangeAsync(run, e, record, body);
            await run.RefusedAsync(run.Scoped, e, e.PathFor(await record(inScope)), await body(Partly), $"Ändern nach {inScope} und {outOfScope}");
            await run.RefusedAsync(run.Scoped, e, e.PathFor(await record(inScope)), await body(Outside), $"Ändern nach {outOfScope}");
        });

    /// <summary>Endpoints the scope check does not apply to, with the reason (reported with every run).</summary>
    public ScopeMatrix Exempt(string reason, params string[] endpoints)
    {
        foreach (var endpoint in endpoints)
        {
            _exempt[endpoint] = reason;
        }

        return this;
    }

    /// <summary>Runs every registered case; returns what failed, one line each (empty: the scope check holds everywhere).</summary>
    public async Task<IReadOnlyList<string>> RunAsync()
    {
        var endpoints = ApiEndpoints.Of(host, Prefix);
        var failures = new List<string>();
        failures.AddRange(endpoints.Where(e => !_cases.ContainsKey(e.Key) && !_exempt.ContainsKey(e.Key))
            .Select(e => $"{e.Key}: nicht in der Matrix (Read, List, Create, Change, Move oder Exempt mit Grund)"));
        failures.AddRange(_cases.Keys.Concat(_exempt.Keys).Except(endpoints.Select(e => e.Key))
            .Select(k => $"{k}: registriert, aber kein Endpunkt des Moduls"));
        var misfits = endpoints.Where(e => _cases.TryGetValue(e.Key, out var c) && (c.Write != e.IsWrite || c.RouteParameters != e.RouteParameters)).ToList();
        failures.AddRange(misfits.Select(e => $"{e.Key}: passt nicht zur Registrierung ({(_cases[e.Key].Write ? "Schreiben" : "Lesen")} mit {_cases[e.Key].RouteParameters} Routenparametern)"));

        var tested = endpoints.Where(e => _cases.ContainsKey(e.Key)).Except(misfits).OrderBy(e => e.Key, StringComparer.Ordinal).ToList();
        using var admin = await host.ApiClientAsync(PlatformHost.AdminUser, PlatformHost.AdminPassword);
        var scopableDefinitions = (await admin.GetFromJsonAsync<JsonElement>("/api/admin/permissions")).EnumerateArray()
            .Where(p => p.GetProperty("scopable").GetBoolean()).ToList();
        var scopable = scopableDefinitions.Select(p => p.GetProperty("key").GetString()!).ToHashSet();
        failures.AddRange(tested.SelectMany(e => e.Permissions.Where(p => !scopable.Contains(p))
            .Select(p => $"{e.Key}: braucht {p}, das sich nicht einschränken lässt (als Exempt mit Grund registrieren)")));

        var permissions = tested.SelectMany(e => e.Permissions).Where(scopable.Contains).Distinct().ToArray();
        var scopedAccount = await TestAccounts.CreateAsync(admin, "bereich", permissions.Select(p => new TestGrant(p, ScopeKind.Municipalities, inScope)).ToArray());
        var ownAccount = await TestAccounts.CreateAsync(admin, "eigene", permissions.Select(p => new TestGrant(p, ScopeKind.OwnRecords)).ToArray());
        using var scoped = await host.ApiClientAsync(scopedAccount.UserName, TestAccounts.Password);
        using var own = await host.ApiClientAsync(ownAccount.UserName, TestAccounts.Password);
        var otherGroup = await OtherGroupUserAsync(admin, scopableDefinitions.Where(p => permissions.Contains(p.GetProperty("key").GetString()) && p.GetProperty("groups").ValueKind == JsonValueKind.Object).Select(p => p.GetProperty("key").GetString()!).ToList(), failures);
        using var otherGroupClient = otherGroup?.Client;
        await WaitForStartupJobsAsync(admin);

        var run = new Run(this, admin, new MatrixUser(scoped, scopedAccount.UserName), new MatrixUser(own, ownAccount.UserName), otherGroup, failures);
        foreach (var endpoint in tested)
        {
            try
            {
                await _cases[endpoint.Key].Check(run, endpoint);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                failures.Add($"{endpoint.Key}: Testdaten oder Aufruf fehlgeschlagen: {ex.Message}");
            }
        }

        foreach (var (endpoint, reason) in _exempt.OrderBy(x => x.Key, StringComparer.Ordinal))
        {
            TestContext.Out.WriteLine($"ausgenommen: {endpoint} – {reason}");
        }

        return failures;
    }

    /// <summary>The group records are made in, when the module's permissions can be granted per group.</summary>
    private string? _group;

    private ScopeTarget Inside => new(inScope, [inScope], _group);

    private ScopeTarget Partly => new(outOfScope, [inScope, outOfScope], _group);

    private ScopeTarget Outside => new(outOfScope, [outOfScope], _group);

    /// <summary>
    /// A user holding the permissions that can be granted per group for another group than the records' (null when
    /// none can): records are made in the first group a permission's module lists, the user gets the last.
    /// </summary>
    private async Task<MatrixUser?> OtherGroupUserAsync(HttpClient admin, IReadOnlyList<string> groupPermissions, List<string> failures)
    {
        var grants = new List<TestGrant>();
        foreach (var permission in groupPermissions)
        {
            var groups = (await admin.GetFromJsonAsync<JsonElement>($"/api/admin/permissions/{permission}/groups")).EnumerateArray().Select(g => g.GetProperty("id").GetString()!).ToList();
            if (groups.Count < 2)
            {
                failures.Add($"{permission}: lässt sich für Gruppen erteilen, das Modul nennt aber weniger als zwei – die Matrix braucht eine für die Datensätze und eine andere");
                continue;
            }

            _group ??= groups[0];
            grants.Add(TestGrant.InGroups(permission, groups[^1]));
        }

        if (grants.Count == 0)
        {
            return null;
        }

        var account = await TestAccounts.CreateAsync(admin, "gruppe", [.. grants]);
        return new MatrixUser(await host.ApiClientAsync(account.UserName, TestAccounts.Password), account.UserName);
    }

    private ScopeMatrix Register(string endpoint, bool write, bool ofRecord, Func<Run, ApiEndpoint, Task> check)
    {
        _cases[endpoint] = new Case(write, ofRecord ? 1 : 0, check);
        return this;
    }

    /// <param name="RouteParameters">1 for an endpoint of one record (its id), 0 for a list or a create.</param>
    private sealed record Case(bool Write, int RouteParameters, Func<Run, ApiEndpoint, Task> Check);

    private async Task ChangeAsync(Run run, ApiEndpoint e, Func<string, Task<string>> record, Func<ScopeTarget, Task<object>> body)
    {
        await run.SucceedsAsync(run.Scoped, e, e.PathFor(await record(inScope)), await body(Inside), $"Ändern in {inScope}");
        await run.NotFoundAsync(run.Scoped, e, e.PathFor(await record(outOfScope)), await body(Inside), $"Ändern eines Datensatzes in {outOfScope}");
        await run.NotFoundAsync(run.Own, e, e.PathFor(await record(inScope)), await body(Inside), "Ändern eines fremden Datensatzes mit Recht auf eigene");
        await run.ForOtherGroupAsync(async user => await run.NotFoundAsync(user, e, e.PathFor(await record(inScope)), await body(Inside), "Ändern mit Recht für eine andere Gruppe"));
    }

    /// <summary>The jobs run once at start-up and may write the module's database: the matrix compares it only after they finished.</summary>
    private static async Task WaitForStartupJobsAsync(HttpClient admin)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            var jobs = await admin.GetFromJsonAsync<JsonElement>("/api/admin/jobs");
            if (jobs.EnumerateArray().All(j => j.GetProperty("lastRun") is { ValueKind: JsonValueKind.Object } run && run.GetProperty("finishedAt").ValueKind == JsonValueKind.String))
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail("Die Aufträge beim Start sind nach 30 Sekunden nicht fertig.");
    }

    /// <summary>A JSON list holds no row and counts none; any other answer (a CSV file) is judged by its content alone.</summary>
    private static bool IsEmptyList(string answer)
    {
        JsonElement json;
        try
        {
            json = JsonDocument.Parse(answer).RootElement;
        }
        catch (JsonException)
        {
            return true;
        }

        return json.ValueKind == JsonValueKind.Array
            ? json.GetArrayLength() == 0
            : json.TryGetProperty("rows", out var rows) && rows.GetArrayLength() == 0 && json.GetProperty("total").GetInt32() == 0;
    }

    private sealed record MatrixUser(HttpClient Client, string Name);

    /// <summary>One run: the users, the failures so far, and how each kind of answer is checked.</summary>
    private sealed class Run(ScopeMatrix matrix, HttpClient admin, MatrixUser scoped, MatrixUser own, MatrixUser? otherGroup, List<string> failures)
    {
        public MatrixUser Scoped => scoped;

        public MatrixUser Own => own;

        /// <summary>Runs a check as the user of another group; a module without groups has none.</summary>
        public Task ForOtherGroupAsync(Func<MatrixUser, Task> check) => otherGroup is null ? Task.CompletedTask : check(otherGroup);

        public void Fail(ApiEndpoint endpoint, string problem) => failures.Add($"{endpoint.Key} – {problem}");

        public async Task<string> ListAsync(MatrixUser user, ApiEndpoint endpoint, string query)
        {
            using var response = await user.Client.GetAsync($"{endpoint.Pattern}?{query}");
            var answer = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.OK)
            {
                Fail(endpoint, $"Liste ?{query}: {(int)response.StatusCode} statt 200");
            }

            return answer;
        }

        public async Task SucceedsAsync(MatrixUser user, ApiEndpoint endpoint, string path, object? body, string what)
        {
            using var response = await SendAsync(user, endpoint, path, body);
            if (!response.IsSuccessStatusCode)
            {
                Fail(endpoint, $"{what} (Gegenprobe): {(int)response.StatusCode} statt 2xx: {await response.Content.ReadAsStringAsync()}");
            }
        }

        public async Task NotFoundAsync(MatrixUser user, ApiEndpoint endpoint, string path, object? body, string what)
        {
            var before = matrix.Snapshot();
            using var response = await SendAsync(user, endpoint, path, body);
            if (response.StatusCode != HttpStatusCode.NotFound)
            {
                Fail(endpoint, $"{what}: {(int)response.StatusCode} statt 404");
            }

            CompareDatabase(endpoint, what, before);
        }

        public async Task RefusedAsync(MatrixUser user, ApiEndpoint endpoint, string path, object body, string what)
        {
            var before = matrix.Snapshot();
            var audited = await AuditAsync(user.Name);
            using var response = await SendAsync(user, endpoint, path, body);
            if (response.StatusCode != HttpStatusCode.Forbidden || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            {
                Fail(endpoint, $"{what}: {(int)response.StatusCode} {response.Content.Headers.ContentType?.MediaType} statt 403 application/problem+json");
            }

            CompareDatabase(endpoint, what, before);
            var (total, newest) = await AuditAsync(user.Name);
            if (total != audited.Total + 1 || newest != nameof(AuditAction.Refused))
            {
                Fail(endpoint, $"{what}: keine Abweisung im Protokoll (neuester Eintrag {newest ?? "keiner"})");
            }
        }

        private void CompareDatabase(ApiEndpoint endpoint, string what, IReadOnlyDictionary<string, string> before)
        {
            var changed = matrix.Snapshot().Where(t => Changed(t.Key, before.GetValueOrDefault(t.Key), t.Value)).Select(t => t.Key).ToList();
            if (changed.Count > 0)
            {
                Fail(endpoint, $"{what}: geschrieben in {string.Join(", ", changed)}");
            }
        }

        /// <summary>Sends the body as JSON, or as it is when it is <see cref="HttpContent"/> already (a multipart upload).</summary>
        private static Task<HttpResponseMessage> SendAsync(MatrixUser user, ApiEndpoint endpoint, string path, object? body)
        {
            var request = ApiEndpoints.Request(endpoint, path, body is null or HttpContent ? "{}" : JsonSerializer.Serialize(body, body.GetType(), Json));
            if (body is HttpContent content)
            {
                request.Content = content;
            }

            return user.Client.SendAsync(request);
        }

        /// <summary>How many audit entries the user has and the action of the newest.</summary>
        private async Task<(int Total, string? Newest)> AuditAsync(string user)
        {
            var page = await admin.GetFromJsonAsync<JsonElement>("/api/admin/audit?q=" + Uri.EscapeDataString(user));
            var rows = page.GetProperty("rows");
            return (page.GetProperty("total").GetInt32(), rows.GetArrayLength() == 0 ? null : rows[0].GetProperty("action").GetString());
        }
    }

    /// <summary>
    /// The host's dispatcher delivers (and clears) earlier messages while a request runs, and fills the inbox with what
    /// other modules sent: of the outbox only a new message counts as written, the inbox is not the request's doing.
    /// </summary>
    private static bool Changed(string table, string? before, string after) => table switch
    {
        OutboxTable => after.Split(',', StringSplitOptions.RemoveEmptyEntries).Except((before ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)).Any(),
        InboxTable => false,
        _ => before != after,
    };

    private const string OutboxTable = "platform_outbox";
    private const string InboxTable = "platform_inbox";

    /// <summary>A hash of every table of the module's database, by table name (of the outbox: its message ids).</summary>
    private Dictionary<string, string> Snapshot()
    {
        using var connection = new SqliteConnection($"Data Source={host.ModuleDatabase(moduleId)};Mode=ReadOnly;Pooling=False");
        connection.Open();
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            if (table == OutboxTable)
            {
                using var ids = connection.CreateCommand();
                ids.CommandText = $"SELECT group_concat(id, ',') FROM {OutboxTable}";
                hashes[table] = ids.ExecuteScalar() as string ?? "";
                continue;
            }

            using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            using var reader = select.ExecuteReader();
            var rows = new List<string>();
            while (reader.Read())
            {
                rows.Add(string.Join('\u001f', Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "\u0000" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
            }

            rows.Sort(StringComparer.Ordinal);
            hashes[table] = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001e', rows))));
        }

        return hashes;
    }
}
