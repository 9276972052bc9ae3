// What the load tools of build/bench (LotsenLast, SchulungenLast, GesundheitLast) share: their options, the demo staff member's
// token, a connection to the module's SQLite file for the bare baseline, the host's own server times from its log
// (LoggingBehavior at Debug, "<Request> in <ms> ms"), the table rows they print and timed calls in turn.
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Data.Sqlite;

internal static class Messwerte
{
    public static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    /// <summary>A bearer token of the demo staff member, who holds every module permission for the whole Kreis.</summary>
    public static async Task<string> TokenAsync(HttpClient http)
    {
        using var response = await http.PostAsJsonAsync("/api/auth/token", new { userName = "fachkraft", password = "Demo-Fachkraft-2026" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    /// <summary>A pooled connection to the module's database file, as a plain Dapper app would hold it.</summary>
    public static SqliteConnection Open(string dbPath, bool readOnly)
    {
        var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = dbPath, Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWrite, Pooling = true }.ToString());
        c.Open();
        c.Execute("PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL;");
        return c;
    }

    /// <summary>The server times of <paramref name="request"/> the host logged after byte <paramref name="from"/> of its log.</summary>
    public static double[] ServerTimes(string logPath, string request, long from)
    {
        using var stream = new FileStream(logPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        stream.Seek(from, SeekOrigin.Begin);
        var text = new StreamReader(stream).ReadToEnd();
        return Regex.Matches(text, $@"\b{request} in (\d+[.,]\d+) ms")
            .Select(m => double.Parse(m.Groups[1].Value.Replace(',', '.'), CultureInfo.InvariantCulture))
            .ToArray();
    }

    public static double Percentile(double[] values, double p)
    {
        if (values.Length == 0)
        {
            return double.NaN;
        }

        var sorted = values.OrderBy(v => v).ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
    }

    public static void Row(string label, double[] values, string extra = "")
        => Console.WriteLine(FormattableString.Invariant($"{label,-58} {Percentile(values, 0.5),8:0.00} {Percentile(values, 0.99),8:0.00}{extra}   (n={values.Length})"));

    public static void Ratio(string label, double[] server, double[] bare)
        => Console.WriteLine(FormattableString.Invariant($"{label,-58} {Percentile(server, 0.5) / Percentile(bare, 0.5),8:0.00}x"));

    /// <summary>Prints whether the median of <paramref name="server"/> stays below <paramref name="limit"/> and returns it.</summary>
    public static bool Target(string label, double[] server, double limit)
    {
        var median = Percentile(server, 0.5);
        var met = median < limit;
        Console.WriteLine(FormattableString.Invariant($"{label,-58} {median,8:0.00}   {(met ? "met" : "MISSED")}"));
        return met;
    }

    /// <summary>Warm-up calls (a tenth, at least 5), then <paramref name="n"/> timed calls one after the other.</summary>
    public static async Task<double[]> SequentialAsync(Func<int, Task> call, int n, Action? nachAufwaermen = null)
    {
        for (var i = 0; i < Math.Max(5, n / 10); i++)
        {
            await call(i);
        }

        nachAufwaermen?.Invoke();
        var times = new double[n];
        for (var i = 0; i < n; i++)
        {
            var t = Stopwatch.GetTimestamp();
            await call(i);
            times[i] = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
        }

        return times;
    }
}
