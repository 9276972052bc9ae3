using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Import;

/// <summary>An uploaded file between preview and import: whose it is, what it holds, its preview or the reason it cannot be read.</summary>
internal sealed record ImportEintrag(string Benutzer, ImportArt Art, string Dateiname, byte[] Datei, ImportVorschau? Vorschau, string? Dateifehler, DateTimeOffset Bis)
{
    /// <summary>Set when the import was tried and refused because the data changed since the preview.</summary>
    public string? Importfehler { get; init; }
}

/// <summary>
/// Keeps uploads for the page flow in memory for a short time (30 minutes), under a random id that only
/// the uploading user can open. Bounded: at most a few per user and in all; the oldest go first. The
/// data never touches the disk and is gone after the import or a restart.
/// </summary>
internal sealed class ImportAblage
{
    public static readonly TimeSpan Dauer = TimeSpan.FromMinutes(30);

    private const int ProBenutzer = 5;

    private const int Insgesamt = 50;

    private readonly ConcurrentDictionary<string, ImportEintrag> _eintraege = new(StringComparer.Ordinal);

    public string Ablegen(ImportEintrag eintrag, DateTimeOffset jetzt)
    {
        Aufraeumen(jetzt);
        foreach (var alt in _eintraege.Where(e => e.Value.Benutzer == eintrag.Benutzer).OrderByDescending(e => e.Value.Bis).Skip(ProBenutzer - 1).ToList())
        {
            _eintraege.TryRemove(alt.Key, out _);
        }

        foreach (var alt in _eintraege.OrderByDescending(e => e.Value.Bis).Skip(Insgesamt - 1).ToList())
        {
            _eintraege.TryRemove(alt.Key, out _);
        }

        var id = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        _eintraege[id] = eintrag;
        return id;
    }

    /// <summary>The entry, if it exists, has not expired and belongs to <paramref name="benutzer"/>.</summary>
    public ImportEintrag? Holen(string id, string benutzer, DateTimeOffset jetzt)
        => _eintraege.TryGetValue(id, out var eintrag) && eintrag.Benutzer == benutzer && eintrag.Bis > jetzt ? eintrag : null;

    public void Ersetzen(string id, ImportEintrag eintrag) => _eintraege[id] = eintrag;

    public void Entfernen(string id) => _eintraege.TryRemove(id, out _);

    private void Aufraeumen(DateTimeOffset jetzt)
    {
        foreach (var abgelaufen in _eintraege.Where(e => e.Value.Bis <= jetzt).ToList())
        {
            _eintraege.TryRemove(abgelaufen.Key, out _);
        }
    }
}
