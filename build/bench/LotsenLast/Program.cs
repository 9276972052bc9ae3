// Lotsen benchmark (build/bench/lotsen.sh): drives a running host seeded with `seed-demo benchmark`
// and, in the same run, fetches the same rows with bare Dapper queries against the same SQLite file.
//
//   LotsenLast <base-url> <module-db> <host-log> [--runs 300] [--seconds 10]
//
// Latency: client round trip on 127.0.0.1 (one client, sequential). Server time: the host's own
// measurement of the MediatR request (LoggingBehavior at Debug, "<Request> in <ms> ms"), read from
// the host's log for exactly the calls of the measured phase. Matching holds the active Lotsen's
// profiles in memory; (a') measures the first call after a registry change, which reloads them.
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dapper;
using static Messwerte;
using Microsoft.Data.Sqlite;

var baseUrl = args[0].TrimEnd('/');
var dbPath = args[1];
var logPath = args[2];
var runs = Option("--runs", 300);
var seconds = Option("--seconds", 10);
var targetsMissed = 0;

using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
var token = await Messwerte.TokenAsync(http);
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

// The rows every run works on: open requests with Arabic (the largest group of candidates), the filter of the search.
List<string> offene;
await using (var db = Open(true))
{
    offene = (await db.QueryAsync<string>(
        "SELECT a.id FROM anfragen a JOIN anfrage_sprachen s ON s.anfrage_id = a.id AND s.code = 'ar' WHERE a.status = 'offen' ORDER BY a.id LIMIT 50")).ToList();
}

const string Kommune = "06437006";
const string Thema = "behoerden";
var suche = $"/api/lotsen/lotsen?sprache=ar&kommune={Kommune}&thema={Thema}&status=aktiv&qualifikation=basisqualifizierung";
Console.WriteLine($"open Arabic requests used for matching: {offene.Count}; search: {suche}");
if (offene.Count == 0)
{
    Console.Error.WriteLine("no open requests: was the data directory seeded with `seed-demo benchmark`?");
    return 2;
}

// --- (a) matching ---------------------------------------------------------------------------------
int kandidaten = 0, vorschlaege = 0, lastZeilen = 0;
var matching = await PhaseAsync("ListVorschlaege", async i =>
{
    using var response = await http.GetAsync($"/api/lotsen/anfragen/{offene[i % offene.Count]}/vorschlaege");
    response.EnsureSuccessStatusCode();
    var json = await response.Content.ReadFromJsonAsync<JsonElement>();
    vorschlaege = json.GetArrayLength();
});
// The handler holds the active Lotsen's profiles in memory and reads per request only the request, the version
// of the profiles and this month's load of the candidates. The bare baseline reads exactly those rows, in one
// read transaction like the handler, with the candidates' ids held in memory as the handler holds them.
var kandidatenJeSprachen = new Dictionary<string, List<string>>();
const string K = """
    SELECT s.lotse_id FROM lotse_sprachen s JOIN lotsen l ON l.id = s.lotse_id
    WHERE s.code IN @sprachen AND l.status = 'aktiv'
      AND EXISTS (SELECT 1 FROM lotse_qualifikationen q WHERE q.lotse_id = l.id AND q.art = 'basisqualifizierung')
    """;
var matchingBare = await BareAsync(async (db, i) =>
{
    var id = offene[i % offene.Count];
    using var lesen = db.BeginTransaction(deferred: true);
    await db.QuerySingleAsync<(string, string, string)>(
        "SELECT a.id, a.kommune_ags, a.thema FROM anfragen a LEFT JOIN lotsen l ON l.id = a.lotse_id WHERE a.id = @id", new { id }, lesen);
    var sprachen = (await db.QueryAsync<string>("SELECT code FROM anfrage_sprachen WHERE anfrage_id = @id ORDER BY code", new { id }, lesen)).ToList();
    await db.QueryAsync<(string, string)>("SELECT art, am FROM anfrage_aktivitaeten WHERE anfrage_id = @id ORDER BY am DESC, rowid DESC", new { id }, lesen);
    await db.QueryAsync<(string, string)>("SELECT e.id, e.beginn FROM einsaetze e JOIN lotsen l ON l.id = e.lotse_id WHERE e.anfrage_id = @id ORDER BY e.beginn", new { id }, lesen);
    await db.ExecuteScalarAsync<long>("SELECT version FROM matching_stand WHERE id = 1", transaction: lesen);
    var schluessel = string.Join(",", sprachen);
    if (!kandidatenJeSprachen.TryGetValue(schluessel, out var ids))
    {
        // Once per language set, during the warm-up: the handler's copy of the profiles is loaded then, too.
        kandidatenJeSprachen[schluessel] = ids = (await db.QueryAsync<string>(K, new { sprachen }, lesen)).Distinct().ToList();
    }

    var last = await db.QueryAsync<(string, long, long)>(
        """
        SELECT e.lotse_id, sum(CASE WHEN e.status = 'durchgefuehrt' AND e.beginn < @jetzt THEN e.dauer_minuten ELSE 0 END),
               sum(CASE WHEN e.status = 'geplant' AND e.beginn >= @jetzt THEN 1 ELSE 0 END)
        FROM json_each(@ids) j JOIN einsaetze e ON e.lotse_id = j.value AND e.beginn >= @monat
        GROUP BY e.lotse_id
        """,
        new { ids = JsonSerializer.Serialize(ids), jetzt = Jetzt(), monat = Monatsanfang() }, lesen);
    kandidaten = ids.Count;
    lastZeilen = last.Count();
});

// For reference: the same candidates' whole profiles read from SQL per request, as the handler did before
// it kept them in memory (the request, its languages and seven statements in one round trip).
var matchingBareProfile = await BareAsync(async (db, i) =>
{
    var id = offene[i % offene.Count];
    await db.QuerySingleAsync<(string, string, string)>("SELECT id, kommune_ags, thema FROM anfragen WHERE id = @id", new { id });
    var sprachen = (await db.QueryAsync<string>("SELECT code FROM anfrage_sprachen WHERE anfrage_id = @id", new { id })).ToList();
    using var r = await db.QueryMultipleAsync(
        $"""
        SELECT id, vorname, nachname FROM lotsen WHERE id IN ({K});
        SELECT lotse_id, code, niveau FROM lotse_sprachen WHERE lotse_id IN ({K});
        SELECT lotse_id, ags FROM lotse_kommunen WHERE lotse_id IN ({K});
        SELECT lotse_id, thema FROM lotse_themen WHERE lotse_id IN ({K});
        SELECT lotse_id, wochentag, von, bis FROM lotse_verfuegbarkeit WHERE lotse_id IN ({K});
        SELECT DISTINCT lotse_id, art FROM lotse_qualifikationen WHERE lotse_id IN ({K});
        SELECT lotse_id, sum(CASE WHEN status = 'durchgefuehrt' AND beginn < @jetzt THEN dauer_minuten ELSE 0 END),
               sum(CASE WHEN status = 'geplant' AND beginn >= @jetzt THEN 1 ELSE 0 END)
        FROM einsaetze WHERE beginn >= @monat AND lotse_id IN ({K}) GROUP BY lotse_id;
        """,
        new { sprachen, jetzt = Jetzt(), monat = Monatsanfang() });
    await r.ReadAsync<(string, string, string)>();
    await r.ReadAsync<(string, string, string)>();
    await r.ReadAsync<(string, string)>();
    await r.ReadAsync<(string, string)>();
    await r.ReadAsync<(string, long, string, string)>();
    await r.ReadAsync<(string, string)>();
    await r.ReadAsync<(string, long, long)>();
});
Console.WriteLine($"matching: {kandidaten} active trained candidates speak Arabic, {lastZeilen} of them with assignments this month, {vorschlaege} suggestions returned");

// --- (a') matching right after a change to the registry: the profiles are reloaded ----------------------
// One active Arabic speaker is paused and activated again through the API; the next matching call after each
// change finds the version moved and reloads the profiles (the host logs how long the reload took).
string umschalten;
await using (var db = Open(true))
{
    umschalten = await db.QueryFirstAsync<string>(
        "SELECT l.id FROM lotsen l JOIN lotse_sprachen s ON s.lotse_id = l.id AND s.code = 'ar' WHERE l.status = 'aktiv' ORDER BY l.id");
}

var nachAenderung = await ReloadPhaseAsync(umschalten, Math.Max(10, runs / 15));

// --- (b) search with filters ------------------------------------------------------------------------
int treffer = 0;
var search = await PhaseAsync("SearchLotsen", async _ =>
{
    using var response = await http.GetAsync(suche);
    response.EnsureSuccessStatusCode();
    treffer = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("total").GetInt32();
});
var searchBare = await BareAsync(async (db, _) =>
{
    const string Where = """
        l.status = 'aktiv'
        AND EXISTS (SELECT 1 FROM lotse_sprachen s WHERE s.code = 'ar' AND s.lotse_id = l.id)
        AND EXISTS (SELECT 1 FROM lotse_kommunen k WHERE k.ags = @kommune AND k.lotse_id = l.id)
        AND EXISTS (SELECT 1 FROM lotse_themen t WHERE t.thema = @thema AND t.lotse_id = l.id)
        AND EXISTS (SELECT 1 FROM lotse_qualifikationen q WHERE q.art = 'basisqualifizierung' AND q.lotse_id = l.id)
        """;
    var p = new { kommune = Kommune, thema = Thema };
    await db.ExecuteScalarAsync<long>($"SELECT count(*) FROM lotsen l WHERE {Where}", p);
    var ids = (await db.QueryAsync<(string Id, string, string, string)>(
        $"SELECT l.id, l.vorname, l.nachname, l.status FROM lotsen l WHERE {Where} ORDER BY l.nachname COLLATE NOCASE, l.vorname COLLATE NOCASE LIMIT 25", p)).Select(r => r.Id).ToList();
    await db.QueryAsync<(string, string)>("SELECT lotse_id, code FROM lotse_sprachen WHERE lotse_id IN @ids ORDER BY lotse_id, code", new { ids });
    await db.QueryAsync<(string, string)>("SELECT lotse_id, ags FROM lotse_kommunen WHERE lotse_id IN @ids ORDER BY lotse_id, ags", new { ids });
    await db.QueryAsync<(string, string)>("SELECT lotse_id, thema FROM lotse_themen WHERE lotse_id IN @ids ORDER BY lotse_id, thema", new { ids });
});
Console.WriteLine($"search: {treffer} Lotsen match the filters");

Console.WriteLine();
Console.WriteLine($"{"",-58} {"median",8} {"p99",8}  (ms, {runs} runs each, one client)");
Row("(a) matching GET /anfragen/{id}/vorschlaege: round trip", matching.Client);
Row("    server time (MediatR request, host log)", matching.Server);
Row("    bare Dapper: request, version, load of the candidates", matchingBare);
Ratio("    ratio server / bare (median)", matching.Server, matchingBare);
targetsMissed += Target("    target: matching < 20 ms median (server)", matching.Server, 20) ? 0 : 1;
Row("    bare Dapper reading the profiles too (7 statements, before)", matchingBareProfile);
Row("(a') matching after a registry change: round trip", nachAenderung.Client);
Row("    server time (incl. reloading the profiles)", nachAenderung.Server);
Row("    reloading the profiles alone (host log)", nachAenderung.Reload);
Row("(b) search GET /lotsen?sprache&kommune&thema&status&quali: round trip", search.Client);
Row("    server time (MediatR request, host log)", search.Server);
Row("    bare Dapper: count + page + 3 list queries", searchBare);
Ratio("    ratio server / bare (median)", search.Server, searchBare);
targetsMissed += Target("    target: search < 50 ms median (server)", search.Server, 50) ? 0 : 1;

// --- (c) the main write: create a request, 8 and 32 clients -----------------------------------------
Console.WriteLine();
Console.WriteLine($"{"",-58} {"median",8} {"p99",8} {"req/s",8} {"non-2xx",8}");
var body = new
{
    kennung = "B. L.",
    sprachen = new[] { "ar" },
    thema = Thema,
    ziel = "Lastprobe",
    kommuneAgs = Kommune,
    datumVon = DateTime.UtcNow.AddDays(7).ToString("yyyy-MM-dd"),
    datumBis = DateTime.UtcNow.AddDays(14).ToString("yyyy-MM-dd"),
    vermitteltDurch = "selbst",
};
foreach (var clients in new[] { 8, 32 })
{
    var (schreiben, proSekunde, fehler, server) = await WritesAsync(clients, body);
    Row($"(c) POST /anfragen, {clients} clients: round trip", schreiben, $" {proSekunde,8:0} {fehler,8}");
    Row("    server time (MediatR request incl. transaction)", server);
    var (bare, bareProSekunde) = await BareWritesAsync(clients);
    Row($"    bare Dapper INSERT (request, language, log), {clients} writers", bare, $" {bareProSekunde,8:0}");
    Ratio("    ratio server / bare (median)", server, bare);
}

return targetsMissed > 0 ? 1 : 0;

// --- helpers ------------------------------------------------------------------------------------------

int Option(string name, int fallback) => Messwerte.Option(args, name, fallback);

SqliteConnection Open(bool readOnly) => Messwerte.Open(dbPath, readOnly);

double[] ServerTimes(string request, long from) => Messwerte.ServerTimes(logPath, request, from);

async Task<(double[] Client, double[] Server)> PhaseAsync(string request, Func<int, Task> call)
{
    for (var i = 0; i < 50; i++)
    {
        await call(i);
    }

    var start = new FileInfo(logPath).Length;
    var client = new double[runs];
    for (var i = 0; i < runs; i++)
    {
        var t = Stopwatch.GetTimestamp();
        await call(i);
        client[i] = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
    }

    await Task.Delay(500);
    return (client, ServerTimes(request, start));
}

static string Jetzt() => DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

// Like the handler (ILocalClock, Europe/Berlin): the month begins at local midnight of its first day.
static string Monatsanfang()
{
    var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    var lokal = TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, berlin);
    return TimeZoneInfo.ConvertTimeToUtc(new DateTime(lokal.Year, lokal.Month, 1, 0, 0, 0, DateTimeKind.Unspecified), berlin).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}

async Task<(double[] Client, double[] Server, double[] Reload)> ReloadPhaseAsync(string lotseId, int wechsel)
{
    var start = new FileInfo(logPath).Length;
    var client = new List<double>();
    for (var i = 0; i < wechsel; i++)
    {
        using (var status = await http.PostAsJsonAsync($"/api/lotsen/lotsen/{lotseId}/status", new { status = i % 2 == 0 ? "pausiert" : "aktiv", grund = "Lastprobe" }))
        {
            status.EnsureSuccessStatusCode();
        }

        var t = Stopwatch.GetTimestamp();
        using var response = await http.GetAsync($"/api/lotsen/anfragen/{offene[i % offene.Count]}/vorschlaege");
        response.EnsureSuccessStatusCode();
        await response.Content.ReadAsByteArrayAsync();
        client.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
    }

    if (wechsel % 2 == 1)
    {
        using var zurueck = await http.PostAsJsonAsync($"/api/lotsen/lotsen/{lotseId}/status", new { status = "aktiv", grund = "Lastprobe" });
        zurueck.EnsureSuccessStatusCode();
    }

    await Task.Delay(500);
    using var stream = new FileStream(logPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
    stream.Seek(start, SeekOrigin.Begin);
    var text = new StreamReader(stream).ReadToEnd();
    var reload = Regex.Matches(text, @"Matching-Profile geladen: .*? in (\d+) ms")
        .Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToArray();
    return (client.ToArray(), ServerTimes("ListVorschlaege", start), reload);
}

async Task<double[]> BareAsync(Func<SqliteConnection, int, Task> query)
{
    for (var i = 0; i < 50; i++)
    {
        await using var db = Open(true);
        await query(db, i);
    }

    var times = new double[runs];
    for (var i = 0; i < runs; i++)
    {
        var t = Stopwatch.GetTimestamp();
        await using (var db = Open(true))
        {
            await query(db, i);
        }

        times[i] = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
    }

    return times;
}

async Task<(double[] Latencies, double PerSecond, int Errors, double[] Server)> WritesAsync(int clients, object payload)
{
    var start = new FileInfo(logPath).Length;
    var ende = Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency);
    var errors = 0;
    var all = new List<double>();
    var t0 = Stopwatch.GetTimestamp();
    await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
    {
        var own = new List<double>();
        while (Stopwatch.GetTimestamp() < ende)
        {
            var t = Stopwatch.GetTimestamp();
            using var response = await http.PostAsJsonAsync("/api/lotsen/anfragen", payload);
            own.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            if (!response.IsSuccessStatusCode)
            {
                Interlocked.Increment(ref errors);
            }
        }

        lock (all)
        {
            all.AddRange(own);
        }
    }));
    var elapsed = Stopwatch.GetElapsedTime(t0).TotalSeconds;
    await Task.Delay(500);
    return (all.ToArray(), all.Count / elapsed, errors, ServerTimes("CreateAnfrage", start));
}

async Task<(double[] Latencies, double PerSecond)> BareWritesAsync(int writers)
{
    // Like the host: one writer at a time in process, BEGIN IMMEDIATE, WAL with synchronous=NORMAL.
    var gate = new SemaphoreSlim(1, 1);
    var ende = Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency);
    var all = new List<double>();
    var t0 = Stopwatch.GetTimestamp();
    await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
    {
        var own = new List<double>();
        while (Stopwatch.GetTimestamp() < ende)
        {
            var t = Stopwatch.GetTimestamp();
            await using var db = Open(false);
            await gate.WaitAsync();
            try
            {
                using var tx = db.BeginTransaction(deferred: false);
                var id = Guid.CreateVersion7().ToString();
                var jetzt = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ");
                await db.ExecuteAsync(
                    """
                    INSERT INTO anfragen (id, kennung, thema, ziel, kommune_ags, datum_von, datum_bis, vermittelt_durch, status, angelegt_am)
                    VALUES (@id, 'B. L.', @thema, 'Lastprobe', @kommune, @von, @bis, 'selbst', 'offen', @jetzt)
                    """,
                    new { id, thema = Thema, kommune = Kommune, von = DateTime.UtcNow.AddDays(7).ToString("yyyy-MM-dd"), bis = DateTime.UtcNow.AddDays(14).ToString("yyyy-MM-dd"), jetzt }, tx);
                await db.ExecuteAsync("INSERT INTO anfrage_sprachen (anfrage_id, code) VALUES (@id, 'ar')", new { id }, tx);
                await db.ExecuteAsync("INSERT INTO anfrage_aktivitaeten (id, anfrage_id, art, am, durch) VALUES (@aid, @id, 'angelegt', @jetzt, 'Last')", new { aid = Guid.CreateVersion7().ToString(), id, jetzt }, tx);
                tx.Commit();
            }
            finally
            {
                gate.Release();
            }

            own.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
        }

        lock (all)
        {
            all.AddRange(own);
        }
    })));
    var elapsed = Stopwatch.GetElapsedTime(t0).TotalSeconds;
    return (all.ToArray(), all.Count / elapsed);
}
