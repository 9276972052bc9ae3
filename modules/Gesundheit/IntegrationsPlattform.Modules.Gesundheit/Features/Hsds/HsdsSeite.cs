using System.Globalization;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Web;

namespace IntegrationsPlattform.Modules.Gesundheit.Features.Hsds;

/// <summary>
/// HSDS's paging (<c>page</c> from 1, <c>per_page</c> up to the SDK's <see cref="Paging.MaxPageSize"/>, default
/// <see cref="Paging.DefaultPageSize"/>): read from the query text, so that „abc“ or 0 is a 400 at its parameter, and
/// answered with HSDS's page fields.
/// </summary>
internal sealed record HsdsSeite(int Nummer, int Groesse)
{
    public int Offset => Paging.Offset(Nummer, Groesse);

    /// <summary>The page asked for, with a German message per bad parameter.</summary>
    public static HsdsSeite? Pruefen(ICollection<FieldError> errors, string? page, string? perPage)
    {
        var nummer = Zahl(errors, "page", page, 1, int.MaxValue, "Die Seite (page) muss eine ganze Zahl ab 1 sein.");
        var groesse = Zahl(errors, "per_page", perPage, Paging.DefaultPageSize, Paging.MaxPageSize,
            $"Die Seitengröße (per_page) muss eine ganze Zahl von 1 bis {Paging.MaxPageSize} sein.");
        return nummer is null || groesse is null ? null : new HsdsSeite(nummer.Value, groesse.Value);
    }

    /// <summary>The page of a request whose validator has accepted it.</summary>
    public static HsdsSeite Von(string? page, string? perPage)
        => Pruefen(new List<FieldError>(), page, perPage) ?? throw new InvalidOperationException("Seitenangaben ungeprüft");

    public HsdsPage<T> Antwort<T>(IReadOnlyList<T> inhalt, int gesamt)
    {
        var seiten = (gesamt + Groesse - 1) / Groesse;
        return new HsdsPage<T>(gesamt, seiten, Nummer, inhalt.Count, Nummer == 1, Nummer >= seiten, inhalt.Count == 0, inhalt);
    }

    private static int? Zahl(ICollection<FieldError> errors, string field, string? value, int fallback, int max, string message)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        if (int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= max)
        {
            return number;
        }

        errors.Add(new FieldError(field, message));
        return null;
    }
}
