using System.Globalization;
using Dapper;
using IntegrationsPlattform.Contracts.Calendar;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;

namespace IntegrationsPlattform.Modules.Gesundheit.Features.Angebote;

/// <summary>
/// Dated offers in the calendars: every opening time on a single day (an Impftag) of a published offer, in its reviewed
/// version and within its validity, as a public entry — the same the public directory shows. One category per offer
/// category (<c>gesundheit.&lt;key&gt;</c>), so a feed can carry the vaccination days only. Drafts and changes waiting
/// for review give no entry.
/// </summary>
internal sealed class AngeboteKalender(IModuleDatabase<GesundheitModule> database, ILocalClock clock, GesundheitSettings settings) : ICalendarProvider
{
    public async Task<IReadOnlyList<CalendarEntry>> GetEntriesAsync(CalendarWindow window, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var termine = await connection.QueryAsync<Termin>(
            """
            SELECT z.id, z.angebot_id AS AngebotId, z.datum, z.opens_at AS Von, z.closes_at AS Bis, t.text AS Titel,
                   f.kategorie, o.name AS OrtName, o.strasse, o.plz, o.ort
            FROM oeffnungszeiten z
            JOIN angebote a ON a.id = z.angebot_id AND a.status = 'veroeffentlicht'
            JOIN angebot_fassungen f ON f.angebot_id = a.id AND f.fassung = 'veroeffentlicht'
            JOIN angebot_texte t ON t.angebot_id = a.id AND t.fassung = 'veroeffentlicht' AND t.sprache = 'de' AND t.feld = 'titel'
            LEFT JOIN orte o ON o.id = coalesce(z.ort_id,
                (SELECT min(ao.ort_id) FROM angebot_orte ao WHERE ao.angebot_id = a.id AND ao.fassung = 'veroeffentlicht'))
            WHERE z.fassung = 'veroeffentlicht' AND z.datum BETWEEN @von AND @bis
              AND (f.gueltig_von IS NULL OR z.datum >= f.gueltig_von) AND (f.gueltig_bis IS NULL OR z.datum <= f.gueltig_bis)
            """,
            new { von = GermanFormat.StoredDay(window.From), bis = GermanFormat.StoredDay(window.To) });
        return termine.Select(Eintrag).ToList();
    }

    private CalendarEntry Eintrag(Termin t)
    {
        var tag = DateOnly.ParseExact(t.Datum, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var zeit = CalendarTime.Between(
            clock.ToUtc(tag, TimeOnly.ParseExact(t.Von, "HH:mm", CultureInfo.InvariantCulture)),
            clock.ToUtc(tag, TimeOnly.ParseExact(t.Bis, "HH:mm", CultureInfo.InvariantCulture)));
        return new CalendarEntry($"{t.Id}@gesundheit.integrationsplattform", t.Titel, zeit, new CalendarCategory($"gesundheit.{t.Kategorie}", $"Gesundheitsangebote: {settings.KategorieText(t.Kategorie)}"), CalendarVisibility.Public)
        {
            Place = t.OrtName is null ? null : $"{t.OrtName}, {t.Strasse}, {t.Plz} {t.Ort}",
            Link = $"/gesundheit/angebote/{t.AngebotId}",
        };
    }

    private sealed record Termin(
        string Id, string AngebotId, string Datum, string Von, string Bis, string Titel, string Kategorie, string? OrtName, string? Strasse, string? Plz, string? Ort);
}
