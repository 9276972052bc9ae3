// Gesundheit benchmark (build/bench/gesundheit.sh): drives the public directory search of a running host seeded with
// `seed-demo benchmark` (40 providers, 5,000 published offers in every public language) and, in the same run, runs the
// search's statements with bare Dapper against the same SQLite file.
//
//   GesundheitLast <base-url> <module-db> <host-log> [--runs 300]
//
// (a) the search page /gesundheit/angebote with three filters (language spoken, child's age, municipality): server
//     time (the host's MediatR timing line for SearchVerzeichnis) against the handler's five statements in bare Dapper.
// (b) what a browser fetches for that page: the HTML and everything it references (style sheets, icons, scripts,
//     images, and the style sheets' url(…)), with the compression the host serves, bytes on the wire incl. headers.
// Exit code: 0 all met, 1 a target missed, 2 the benchmark itself failed.
using System.Net;
using System.Text.RegularExpressions;
using Dapper;
using static Messwerte;

var baseUrl = args[0].TrimEnd('/');
var dbPath = args[1];
var logPath = args[2];
var runs = Option(args, "--runs", 300);
var missed = 0;

// The host's own date decides which offers are valid; the benchmark offers have no validity limits, so any day is fine.
var heute = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
string kommune;
await using (var db = Open(dbPath, true))
{
    var veroeffentlicht = await db.ExecuteScalarAsync<long>("SELECT count(*) FROM angebote WHERE status = 'veroeffentlicht'");
    var texte = await db.ExecuteScalarAsync<long>("SELECT count(*) FROM angebot_texte WHERE fassung = 'veroeffentlicht'");
    Console.WriteLine($"data: {veroeffentlicht} published offers, {texte} published texts");
    if (veroeffentlicht < 5000)
    {
        Console.Error.WriteLine("fewer than 5,000 published offers: was the data directory seeded with `seed-demo benchmark`?");
        return 2;
    }

    // The municipality with the most places: the filter a visitor from the Kreis town would set.
    kommune = await db.QueryFirstAsync<string>("SELECT kommune_ags FROM orte GROUP BY kommune_ags ORDER BY count(*) DESC LIMIT 1");
}

// --- (a) the search with three filters --------------------------------------------------------------------
const string Sprache = "ar";
const int Alter = 3;
var filter = $"sprache={Sprache}&alter={Alter}&kommune={kommune}";
var seite = $"/gesundheit/angebote?{filter}";
using var http = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(2) };
http.DefaultRequestHeaders.AcceptEncoding.ParseAdd("gzip, deflate, br");
var treffer = "";
var sucheStart = 0L;
var sucheRunde = await SequentialAsync(async _ =>
{
    using var response = await http.GetAsync(seite);
    response.EnsureSuccessStatusCode();
    var html = await response.Content.ReadAsStringAsync();
    treffer = Regex.Match(html, @"<p role=""status"">([^<]*)</p>").Groups[1].Value;
}, runs, () => sucheStart = new FileInfo(logPath).Length);
await Task.Delay(500);
var sucheServer = ServerTimes(logPath, "SearchVerzeichnis", sucheStart);

// The handler's five statements for the same filters (German display language), one pooled connection per call.
const string Where = """
    a.status = 'veroeffentlicht' AND f.angebot_id = a.id AND f.fassung = 'veroeffentlicht'
    AND (f.gueltig_von IS NULL OR f.gueltig_von <= @heute) AND (f.gueltig_bis IS NULL OR f.gueltig_bis >= @heute)
    AND EXISTS (SELECT 1 FROM angebot_sprachen sp WHERE sp.angebot_id = a.id AND sp.fassung = 'veroeffentlicht' AND sp.sprache = @sprache)
    AND f.alter_von_monate <= @bisMonate AND f.alter_bis_monate >= @abMonate
    AND a.id IN (SELECT ao.angebot_id FROM orte o JOIN angebot_orte ao ON ao.ort_id = o.id AND ao.fassung = 'veroeffentlicht' WHERE o.kommune_ags = @kommune)
    """;
var p = new { heute, sprache = Sprache, abMonate = Alter * 12, bisMonate = (Alter * 12) + 11, kommune, take = 20, skip = 0 };
var bareTreffer = 0L;
var bare = await SequentialAsync(async _ =>
{
    await using var db = Open(dbPath, true);
    bareTreffer = await db.ExecuteScalarAsync<long>($"SELECT count(*) FROM angebote a, angebot_fassungen f WHERE {Where}", p);
    var ids = (await db.QueryAsync<(string Id, string Kategorie, long Kostenlos)>(
        $"""
        SELECT a.id, f.kategorie, f.kostenlos FROM angebote a, angebot_fassungen f
        LEFT JOIN angebot_texte ti ON ti.angebot_id = a.id AND ti.fassung = 'veroeffentlicht' AND ti.sprache = 'de' AND ti.feld = 'titel'
        WHERE {Where} ORDER BY ti.text COLLATE NOCASE, a.id LIMIT @take OFFSET @skip
        """, p)).Select(r => r.Id).ToList();
    await db.QueryAsync<(string, string, string, string)>(
        "SELECT angebot_id, feld, sprache, text FROM angebot_texte WHERE fassung = 'veroeffentlicht' AND angebot_id IN @ids AND sprache = 'de' AND feld = 'titel'", new { ids });
    await db.QueryAsync<(string, string, long)>(
        "SELECT ao.angebot_id, o.kommune_ags, o.stufenlos FROM angebot_orte ao JOIN orte o ON o.id = ao.ort_id WHERE ao.fassung = 'veroeffentlicht' AND ao.angebot_id IN @ids", new { ids });
    await db.QueryAsync<(string, string)>("SELECT angebot_id, sprache FROM angebot_sprachen WHERE fassung = 'veroeffentlicht' AND angebot_id IN @ids ORDER BY sprache", new { ids });
}, runs);

// --- (b) what a browser fetches for the page ----------------------------------------------------------------
var geladen = new List<(string Pfad, long Bytes, string Kodierung)>();
var offen = new Queue<string>([seite]);
var gesehen = new HashSet<string>(offen);
while (offen.Count > 0)
{
    var pfad = offen.Dequeue();
    using var response = await http.GetAsync(pfad);
    response.EnsureSuccessStatusCode();
    var koerper = await response.Content.ReadAsByteArrayAsync();
    // Status line and headers as they go over the wire (HTTP/1.1), then the body as sent.
    var kopf = $"HTTP/1.1 {(int)response.StatusCode} {response.ReasonPhrase}\r\n".Length
        + response.Headers.Concat(response.Content.Headers).Sum(h => h.Key.Length + 4 + string.Join(", ", h.Value).Length) + 2;
    geladen.Add((pfad, kopf + koerper.Length, string.Join(",", response.Content.Headers.ContentEncoding) is { Length: > 0 } k ? k : "none"));
    var typ = response.Content.Headers.ContentType?.MediaType ?? "";
    if (typ is not ("text/html" or "text/css"))
    {
        continue;
    }

    var text = Entpackt(koerper, response.Content.Headers.ContentEncoding.FirstOrDefault());
    var verweise = typ == "text/html"
        ? Regex.Matches(text, @"<link\b[^>]*>").Select(m => m.Value)
            .Where(tag => Regex.IsMatch(tag, @"\brel=""[^""]*\b(?:stylesheet|icon|preload|modulepreload|manifest)\b"))
            .Select(tag => Regex.Match(tag, @"\bhref=""([^""]+)""").Groups[1].Value)
            .Concat(Regex.Matches(text, @"<(?:script|img|source|iframe)\b[^>]*?\bsrc=""([^""]+)""").Select(m => m.Groups[1].Value))
        : Regex.Matches(text, @"url\(\s*['""]?([^'"")]+)['""]?\s*\)|@import\s+['""]([^'""]+)['""]").Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value);
    foreach (var verweis in verweise.Where(v => v.Length > 0 && !v.StartsWith("data:", StringComparison.Ordinal)))
    {
        var ziel = new Uri(new Uri(new Uri(baseUrl), pfad), WebUtility.HtmlDecode(verweis));
        if (ziel.Authority == new Uri(baseUrl).Authority && gesehen.Add(ziel.PathAndQuery))
        {
            offen.Enqueue(ziel.PathAndQuery);
        }
    }
}

// --- report -------------------------------------------------------------------------------------------------
Console.WriteLine();
Console.WriteLine($"{"",-58} {"median",8} {"p99",8}  (ms)");
Row($"(a) search page ?{filter} ({treffer}): round trip", sucheRunde);
Row("    server time (SearchVerzeichnis, host log)", sucheServer);
Row($"    bare Dapper: count + page + titles + places + languages ({bareTreffer} hits)", bare);
Ratio("    ratio server / bare (median)", sucheServer, bare);
missed += Target("    target: search < 30 ms median (server)", sucheServer, 30) ? 0 : 1;
Console.WriteLine();
Console.WriteLine("(b) what a browser fetches for the search page (bytes on the wire, headers included):");
foreach (var (pfad, bytes, kodierung) in geladen)
{
    Console.WriteLine(FormattableString.Invariant($"    {pfad,-70} {bytes,8} B  compression: {kodierung}"));
}

var summe = geladen.Sum(g => g.Bytes);
var erfuellt = summe < 100 * 1024;
Console.WriteLine(FormattableString.Invariant($"    {"target: the whole page < 100 KB",-70} {summe / 1024.0,8:0.0} KB  {(erfuellt ? "met" : "MISSED")}"));
missed += erfuellt ? 0 : 1;
return missed > 0 ? 1 : 0;

// The text of a body as sent with the given Content-Encoding, to find what it references.
static string Entpackt(byte[] koerper, string? kodierung)
{
    using var roh = new MemoryStream(koerper);
    using Stream lesbar = kodierung switch
    {
        "gzip" => new System.IO.Compression.GZipStream(roh, System.IO.Compression.CompressionMode.Decompress),
        "br" => new System.IO.Compression.BrotliStream(roh, System.IO.Compression.CompressionMode.Decompress),
        "deflate" => new System.IO.Compression.ZLibStream(roh, System.IO.Compression.CompressionMode.Decompress),
        _ => roh,
    };
    return new StreamReader(lesbar).ReadToEnd();
}
