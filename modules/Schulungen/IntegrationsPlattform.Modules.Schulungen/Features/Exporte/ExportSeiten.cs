using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Web;
using IntegrationsPlattform.Modules.Schulungen.Domain;

namespace IntegrationsPlattform.Modules.Schulungen.Features.Exporte;

/// <summary>What the exports share: reading a list page by page, and times as German readers write them.</summary>
internal static class ExportSeiten
{
    /// <summary>Every row of a paged list, read with the list's own query (its scope and checks) one page after another.</summary>
    public static async Task<List<T>> AlleAsync<T>(Func<int, Task<PagedList<T>>> seite)
    {
        var erste = await seite(1);
        var zeilen = erste.Rows.ToList();
        for (var nummer = 2; nummer <= erste.LastPage; nummer++)
        {
            zeilen.AddRange((await seite(nummer)).Rows);
        }

        return zeilen;
    }

    /// <summary>„12.03.2027 09:00“ from a stored local time (<c>yyyy-MM-ddTHH:mm</c>); empty when there is none.</summary>
    public static string Ortszeit(string? gespeichert)
    {
        if (gespeichert is null)
        {
            return "";
        }

        var (tag, zeit) = TerminRegeln.LeseOrtszeit(gespeichert);
        return $"{GermanFormat.Day(tag)} {zeit:HH:mm}";
    }

    /// <summary>„12.03.2027 09:00“ in the deployment's time from a stored instant; empty when there is none.</summary>
    public static string Zeitpunkt(string? gespeichert, ILocalClock clock)
        => gespeichert is null or "" ? "" : clock.ToLocal(GermanFormat.ParseStoredInstant(gespeichert)).ToString("dd.MM.yyyy HH:mm", GermanFormat.Culture);
}
