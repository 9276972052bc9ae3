using System.Globalization;

namespace IntegrationsPlattform.Modules.Schulungen.Domain;

/// <summary>What a session and its appointments may hold; the limits are those of the tables' CHECK constraints.</summary>
internal static class TerminRegeln
{
    public const int KapazitaetMax = 1000;
    public const int WartelisteMax = 1000;
    public const int OrtMax = 300;
    public const int LinkMax = 500;
    public const int NotizMax = 2000;

    /// <summary>The states of a registration that take a seat (as the capacity trigger counts them).</summary>
    public static readonly IReadOnlyList<string> PlatzStatus = ["angemeldet", "nicht_erschienen", "teilweise", "vollstaendig"];

    /// <summary>An appointment's local time as stored: <c>yyyy-MM-ddTHH:mm</c> (text order is time order).</summary>
    public static string Ortszeit(DateOnly tag, TimeOnly zeit) => $"{tag:yyyy-MM-dd}T{zeit:HH:mm}";

    public static (DateOnly Tag, TimeOnly Zeit) LeseOrtszeit(string gespeichert)
    {
        var wert = DateTime.ParseExact(gespeichert, "yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
        return (DateOnly.FromDateTime(wert), TimeOnly.FromDateTime(wert));
    }

    /// <summary>An online link must be a web address the participants can open (https, or http inside a Kreis network).</summary>
    public static bool IstLink(string link)
        => Uri.TryCreate(link, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && !string.IsNullOrEmpty(uri.Host);

    /// <summary>Hessen's school year runs from 1 August to 31 July; it is named by its first year („2026/27“).</summary>
    public static int SchuljahrVon(DateOnly tag) => tag.Month >= 8 ? tag.Year : tag.Year - 1;

    public static string SchuljahrText(int beginn) => $"{beginn}/{(beginn + 1) % 100:00}";

    /// <summary>The first and the day after the last day of a school year, as stored local times compare.</summary>
    public static (string Von, string Bis) SchuljahrSpanne(int beginn) => ($"{beginn:0000}-08-01", $"{beginn + 1:0000}-08-01");
}
