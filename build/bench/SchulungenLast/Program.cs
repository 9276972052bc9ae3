// Schulungen benchmark (build/bench/schulungen.sh): drives a running host seeded with `seed-demo benchmark`
// (500 courses, 5,000 sessions, 100,000 registrations) as the demo staff member and, in the same run, runs the
// session list's queries with bare Dapper against the same SQLite file.
//
//   SchulungenLast <base-url> <module-db> <host-log> [--runs 300] [--pdfs 50]
//
// (a) burst: 100 registrations to one session with 20 seats and a waiting list of 30, all sent at the same moment
//     by staff (a staff registration is confirmed at once): exactly 20 seats, 30 waiting in order of confirmation,
//     50 refused with 409, no error; the burst's wall time.
// (b) certificate PDF: GET /api/schulungen/bescheinigungen/{id}/pdf, sequential, round trip.
// (c) session list with filters: server time (the host's MediatR timing line for ListTermine) against the same four
//     statements with bare Dapper.
// Exit code: 0 all met, 1 a target or a burst rule missed, 2 the benchmark itself failed.
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using static Messwerte;

var baseUrl = args[0].TrimEnd('/');
var dbPath = args[1];
var logPath = args[2];
var runs = Option(args, "--runs", 300);
var pdfs = Option(args, "--pdfs", 50);
var missed = 0;

using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 200 }) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(2) };
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(http));
var lauf = DateTime.UtcNow.ToString("HHmmss", CultureInfo.InvariantCulture);
var heute = DateOnly.FromDateTime(DateTime.UtcNow);

await using (var db = Open(dbPath, true))
{
    var (termine, anmeldungen) = await db.QuerySingleAsync<(long, long)>("SELECT (SELECT count(*) FROM termine), (SELECT count(*) FROM anmeldungen)");
    Console.WriteLine($"data: {termine} sessions, {anmeldungen} registrations");
    if (anmeldungen < 100_000)
    {
        Console.Error.WriteLine("fewer than 100,000 registrations: was the data directory seeded with `seed-demo benchmark`?");
        return 2;
    }
}

// --- (a) burst: 100 registrations at the same moment -------------------------------------------------
const string Erbach = "06437006";
var kurs = await CreatedIdAsync("/api/schulungen/kurse", new
{
    titel = $"Lastprobe Anmeldungen {lauf}", beschreibung = "Lastprobe", lernziele = "Lastprobe", zielgruppe = "Schulsozialarbeit",
    format = "praesenz", unterrichtseinheiten = 8, stunden = 6,
});
await NoContentAsync($"/api/schulungen/kurse/{kurs}/status", new { nach = "veroeffentlicht" });
var burstTermin = await CreatedIdAsync("/api/schulungen/termine", new
{
    kursId = kurs, kommune = Erbach, kapazitaet = 20, maxWarteliste = 30, anmeldeschluss = Tag(20),
    zeiten = new[] { new { tag = Tag(30), beginn = "09:00", ende = "16:00", ort = "Landratsamt Erbach" } }, trainer = Array.Empty<string>(),
});
await NoContentAsync($"/api/schulungen/termine/{burstTermin}/status", new { nach = "offen" });

var logStart = new FileInfo(logPath).Length;
using var start = new SemaphoreSlim(0);
var laeufer = Enumerable.Range(1, 100).Select(async i =>
{
    await start.WaitAsync();
    var t = Stopwatch.GetTimestamp();
    using var response = await http.PostAsJsonAsync($"/api/schulungen/termine/{burstTermin}/anmeldungen",
        new { vorname = "Kim", nachname = $"Lastprobe {i}", email = $"burst{i}-{lauf}@bench.example.invalid" });
    var text = await response.Content.ReadAsStringAsync();
    return (response.StatusCode, Text: text, Ms: Stopwatch.GetElapsedTime(t).TotalMilliseconds);
}).ToList();
var burstUhr = Stopwatch.StartNew();
start.Release(100);
var antworten = await Task.WhenAll(laeufer);
var burstMs = burstUhr.Elapsed.TotalMilliseconds;
await Task.Delay(500);
var burstServer = ServerTimes(logPath, "RecordAnmeldung", logStart);
var fehlerImLog = FailLines(logStart);

List<(long Rowid, string Status, long? Warteposition, string Bestaetigt)> zeilen;
string burstStatus;
await using (var db = Open(dbPath, true))
{
    zeilen = (await db.QueryAsync<(long, string, long?, string)>(
        "SELECT rowid, status, warteposition, bestaetigt_am FROM anmeldungen WHERE termin_id = @burstTermin ORDER BY rowid", new { burstTermin })).ToList();
    burstStatus = await db.ExecuteScalarAsync<string>("SELECT status FROM termine WHERE id = @burstTermin", new { burstTermin }) ?? "";
}

var sitze = zeilen.Where(z => z.Status == "angemeldet").ToList();
var wartend = zeilen.Where(z => z.Status == "warteliste").ToList();
var angenommen = antworten.Where(a => a.StatusCode == HttpStatusCode.Created).Select(a => JsonDocument.Parse(a.Text).RootElement).ToList();
var warteplaetze = angenommen.Where(a => a.GetProperty("status").GetString() == "warteliste").Select(a => a.GetProperty("warteplatz").GetInt32()).Order().ToList();
var abgelehnt = antworten.Count(a => a.StatusCode == HttpStatusCode.Conflict && a.Text.Contains("Warteliste", StringComparison.Ordinal));
var regeln = new (string Regel, bool Erfuellt)[]
{
    ("answers: 50 × 201, 50 × 409, nothing else", antworten.Count(a => a.StatusCode == HttpStatusCode.Created) == 50 && abgelehnt == 50),
    ("stored: exactly 20 angemeldet and 30 warteliste, nothing else", sitze.Count == 20 && wartend.Count == 30 && zeilen.Count == 50),
    ("the seats went to the first confirmed", sitze.Max(z => z.Rowid) < wartend.Min(z => z.Rowid)),
    ("waiting positions 1..30 in order of confirmation", wartend.Select(z => z.Warteposition).SequenceEqual(Enumerable.Range(1, 30).Select(i => (long?)i))
        && wartend.Select(z => z.Bestaetigt).SequenceEqual(wartend.Select(z => z.Bestaetigt).Order(StringComparer.Ordinal))),
    ("the answers' waiting places are 1..30", warteplaetze.SequenceEqual(Enumerable.Range(1, 30))),
    ("the session is „ausgebucht“", burstStatus == "ausgebucht"),
    ("no error or 'database is locked' in the host log", fehlerImLog == 0),
};

// --- (b) certificate PDF -----------------------------------------------------------------------------
// A held session of the benchmark set whose day is over: its seat holders' attendance is recorded as present through
// the API, then their certificates issued; the PDF of each is fetched in turn.
string pdfTermin;
await using (var db = Open(dbPath, true))
{
    pdfTermin = await db.QueryFirstAsync<string>(
        """
        SELECT t.id FROM termine t
        WHERE t.status = 'durchgefuehrt' AND t.endet_am < @gestern
          AND (SELECT count(*) FROM anmeldungen a WHERE a.termin_id = t.id AND a.status IN ('nicht_erschienen', 'teilweise', 'vollstaendig')) = 20
        ORDER BY t.id LIMIT 1
        """,
        new { gestern = Tag(-1) });
}

var anwesenheit = await http.GetFromJsonAsync<JsonElement>($"/api/schulungen/termine/{pdfTermin}/anwesenheit");
var sitzInhaber = anwesenheit.GetProperty("teilnehmende").EnumerateArray().Select(t => t.GetProperty("anmeldungId").GetString()!).ToList();
foreach (var zeit in anwesenheit.GetProperty("zeiten").EnumerateArray())
{
    using var erfasst = await http.PutAsJsonAsync($"/api/schulungen/termine/{pdfTermin}/anwesenheit", new { zeitId = zeit.GetProperty("id").GetString(), anwesend = sitzInhaber });
    await EnsureAsync(erfasst, HttpStatusCode.NoContent);
}

using (var ausgestellt = await http.PostAsJsonAsync($"/api/schulungen/termine/{pdfTermin}/bescheinigungen", new { anmeldungen = sitzInhaber }))
{
    await EnsureAsync(ausgestellt, HttpStatusCode.OK);
    var bescheinigungen = (await ausgestellt.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ids").EnumerateArray().Select(i => i.GetString()!).ToList();
    sitzInhaber = bescheinigungen;
}

var pdfGroesse = 0;
async Task PdfAsync(int i)
{
    using var response = await http.GetAsync($"/api/schulungen/bescheinigungen/{sitzInhaber[i % sitzInhaber.Count]}/pdf");
    await EnsureAsync(response, HttpStatusCode.OK);
    var bytes = await response.Content.ReadAsByteArrayAsync();
    pdfGroesse = bytes.Length;
    if (response.Content.Headers.ContentType?.MediaType != "application/pdf" || bytes.Length < 5 || bytes[0] != '%' || bytes[1] != 'P')
    {
        throw new InvalidOperationException("no PDF");
    }
}

var pdfZeiten = await SequentialAsync(PdfAsync, pdfs);

// --- (c) session list with filters --------------------------------------------------------------------
// Municipality, status and school year as staff filter a list; the school year that holds most of the benchmark set.
var schuljahr = heute.Month >= 8 ? heute.Year - 1 : heute.Year - 2;
var (von, bis) = ($"{schuljahr:0000}-08-01", $"{schuljahr + 1:0000}-08-01");
var filter = $"kommune={Erbach}&status=durchgefuehrt&schuljahr={schuljahr}";
var liste = $"/api/schulungen/termine?{filter}";
var treffer = 0;
var listeStart = 0L;
var listeRunde = await SequentialAsync(async _ =>
{
    using var response = await http.GetAsync(liste);
    await EnsureAsync(response, HttpStatusCode.OK);
    treffer = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("total").GetInt32();
}, runs, () => listeStart = new FileInfo(logPath).Length);
await Task.Delay(500);
var listeServer = ServerTimes(logPath, "ListTermine", listeStart);

// The handler's four statements for the same filter (staff: no scope condition), one pooled connection per call.
string[] platz = ["angemeldet", "nicht_erschienen", "teilweise", "vollstaendig"];
const string Where = """
    WHERE (@kurs IS NULL OR t.kurs_id = @kurs) AND (@kommune IS NULL OR t.kommune_ags = @kommune) AND (@status IS NULL OR t.status = @status)
      AND (@von IS NULL OR (t.beginnt_am >= @von AND t.beginnt_am < @bis))
    """;
var p = new { kurs = (string?)null, kommune = Erbach, status = "durchgefuehrt", von, bis, take = 25, skip = 0 };
var bareTreffer = 0L;
async Task ListeBareAsync(SqliteConnection db)
{
    bareTreffer = await db.ExecuteScalarAsync<long>($"SELECT count(*) FROM termine t {Where}", p);
    var ids = (await db.QueryAsync<(string Id, string, string, string?, string?, string?, long, string, string)>(
        $"""
        SELECT t.id, t.kurs_id, k.titel, t.kommune_ags, t.beginnt_am, t.endet_am, t.kapazitaet, t.anmeldeschluss, t.status
        FROM termine t JOIN kurse k ON k.id = t.kurs_id {Where}
        ORDER BY t.beginnt_am DESC, t.id LIMIT @take OFFSET @skip
        """, p)).Select(r => r.Id).ToList();
    if (ids.Count == 0)
    {
        return;
    }

    await db.QueryAsync<(string, long, long)>(
        "SELECT termin_id, count(*) FILTER (WHERE status IN @platz), count(*) FILTER (WHERE status = 'warteliste') FROM anmeldungen WHERE termin_id IN @ids GROUP BY termin_id",
        new { ids, platz });
    await db.QueryAsync<(string, long)>("SELECT termin_id, count(*) FROM termin_zeiten WHERE termin_id IN @ids GROUP BY termin_id", new { ids });
}

var listeBare = await SequentialAsync(async _ =>
{
    await using var db = Open(dbPath, true);
    await ListeBareAsync(db);
}, runs);

// The same on one connection held open for all calls: what taking a pooled connection and its PRAGMAs add.
double[] listeBareOffen;
await using (var offen = Open(dbPath, true))
{
    listeBareOffen = await SequentialAsync(_ => ListeBareAsync(offen), runs);
}

// --- report -----------------------------------------------------------------------------------------------
Console.WriteLine();
Console.WriteLine(FormattableString.Invariant($"(a) burst: 100 staff registrations at once, 20 seats + 30 waiting places: {burstMs:0} ms wall time"));
foreach (var (regel, erfuellt) in regeln)
{
    Console.WriteLine($"    {regel,-70} {(erfuellt ? "met" : "MISSED")}");
    missed += erfuellt ? 0 : 1;
}

Console.WriteLine();
Console.WriteLine($"{"",-58} {"median",8} {"p99",8}  (ms)");
Row("(a) one registration of the burst: round trip", antworten.Select(a => a.Ms).ToArray());
Row("    server time (RecordAnmeldung incl. wait for the writer)", burstServer);
Row($"(b) certificate PDF ({pdfGroesse / 1024} KB), round trip", pdfZeiten);
Row($"(c) session list ?{filter} ({treffer} hits): round trip", listeRunde);
Row("    server time (ListTermine, host log)", listeServer);
Row($"    bare Dapper: count + page + seats + days ({bareTreffer} hits)", listeBare);
Ratio("    ratio server / bare (median)", listeServer, listeBare);
Row("    bare Dapper, one connection held open", listeBareOffen);
missed += Target("    target: session list < 50 ms median (server)", listeServer, 50) ? 0 : 1;
return missed > 0 ? 1 : 0;

// --- helpers ------------------------------------------------------------------------------------------

static string Tag(int tageAbHeute) => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(tageAbHeute).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

async Task<string> CreatedIdAsync(string path, object body)
{
    using var response = await http.PostAsJsonAsync(path, body);
    await EnsureAsync(response, HttpStatusCode.Created);
    return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
}

async Task NoContentAsync(string path, object body)
{
    using var response = await http.PostAsJsonAsync(path, body);
    await EnsureAsync(response, HttpStatusCode.NoContent);
}

static async Task EnsureAsync(HttpResponseMessage response, HttpStatusCode expected)
{
    if (response.StatusCode != expected)
    {
        throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}

int FailLines(long from)
{
    using var stream = new FileStream(logPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
    stream.Seek(from, SeekOrigin.Begin);
    var text = new StreamReader(stream).ReadToEnd();
    return text.Split('\n').Count(l => l.StartsWith("fail:", StringComparison.Ordinal) || l.StartsWith("crit:", StringComparison.Ordinal)
        || l.Contains("database is locked", StringComparison.OrdinalIgnoreCase));
}
