using Dapper;
using IntegrationsPlattform.Modules.Lotsen.Domain;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using System.Diagnostics;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Vermittlung;

/// <summary>
/// The matching profiles of the active Lotsen (name, languages with level, municipalities, topics, weekly
/// slots, trainings; no load) as of one version of the registry, indexed by language. Never changed after
/// it is built: a request keeps working on the snapshot it got, whatever is loaded meanwhile.
/// </summary>
internal sealed class Profilstand(long version, IReadOnlyDictionary<string, Kandidat[]> nachSprache, int anzahl)
{
    /// <summary>The value of <c>matching_stand.version</c> the profiles were read with, in the same snapshot.</summary>
    public long Version { get; } = version;

    /// <summary>Active Lotsen held.</summary>
    public int Anzahl { get; } = anzahl;

    /// <summary>The active Lotsen who speak at least one of the languages, each once, in the order of their id.</summary>
    public IReadOnlyList<Kandidat> Sprecher(IReadOnlyList<string> sprachen)
    {
        if (sprachen.Count == 1)
        {
            return nachSprache.TryGetValue(sprachen[0], out var einzige) ? einzige : [];
        }

        var gesehen = new HashSet<string>(StringComparer.Ordinal);
        var alle = new List<Kandidat>();
        foreach (var code in sprachen)
        {
            foreach (var kandidat in nachSprache.GetValueOrDefault(code, []))
            {
                if (gesehen.Add(kandidat.LotseId))
                {
                    alle.Add(kandidat);
                }
            }
        }

        alle.Sort((a, b) => string.CompareOrdinal(a.LotseId, b.LotseId));
        return alle;
    }
}

/// <summary>
/// The module's one copy of the matching profiles (a singleton). Every write to the tables matching reads
/// bumps <c>matching_stand.version</c> by trigger (migration 0002), whoever writes; a request reads that
/// version in its own read transaction and gets the profiles of exactly that version: the held copy when
/// it matches, else a copy loaded in the same transaction. One load at a time; requests that arrive
/// meanwhile wait for it and take it when it is their version. The newest copy is kept; memory is bounded
/// by the active Lotsen (a few MB for thousands).
/// </summary>
internal sealed class Matchingprofile(ILogger<Matchingprofile> logger) : IDisposable
{
    private readonly SemaphoreSlim _laden = new(1, 1);
    private Profilstand? _stand;

    public async Task<Profilstand> StandAsync(SqliteConnection connection, SqliteTransaction lesen, CancellationToken cancellationToken)
    {
        var version = await connection.ExecuteScalarAsync<long?>("SELECT version FROM matching_stand WHERE id = 1", transaction: lesen)
            ?? throw new InvalidOperationException("Die Zeile in matching_stand fehlt (Migration 0002).");
        var stand = Volatile.Read(ref _stand);
        if (stand?.Version == version)
        {
            return stand;
        }

        await _laden.WaitAsync(cancellationToken);
        try
        {
            stand = Volatile.Read(ref _stand);
            if (stand?.Version == version)
            {
                return stand;
            }

            var neu = await LadenAsync(connection, lesen, version);
            // A request on an older snapshot gets its own copy but does not replace a newer one.
            if (stand is null || neu.Version > stand.Version)
            {
                Volatile.Write(ref _stand, neu);
            }

            return neu;
        }
        finally
        {
            _laden.Release();
        }
    }

    /// <summary>
    /// Drops the held copy, after an erasure: the erased name must not wait in memory for the next
    /// matching call. A request still on an older snapshot may put one back; the next call replaces it.
    /// </summary>
    public void Vergessen() => Volatile.Write(ref _stand, null);

    public void Dispose() => _laden.Dispose();

    private async Task<Profilstand> LadenAsync(SqliteConnection connection, SqliteTransaction lesen, long version)
    {
        var uhr = Stopwatch.StartNew();
        const string Aktiv = "JOIN lotsen l ON l.id = t.lotse_id AND l.status = 'aktiv'";
        using var ergebnis = await connection.QueryMultipleAsync(
            $"""
            SELECT id, vorname, nachname FROM lotsen WHERE status = 'aktiv' ORDER BY id;
            SELECT t.lotse_id, t.code, t.niveau FROM lotse_sprachen t {Aktiv};
            SELECT t.lotse_id, t.ags FROM lotse_kommunen t {Aktiv};
            SELECT t.lotse_id, t.thema FROM lotse_themen t {Aktiv};
            SELECT t.lotse_id, t.wochentag, t.von, t.bis FROM lotse_verfuegbarkeit t {Aktiv};
            SELECT DISTINCT t.lotse_id, t.art FROM lotse_qualifikationen t {Aktiv};
            """,
            transaction: lesen);
        // Codes, municipalities, topics and trainings repeat thousands of times: one string each.
        var einmal = new Dictionary<string, string>(StringComparer.Ordinal);
        string Einmal(string text) => einmal.TryGetValue(text, out var da) ? da : einmal[text] = text;

        var namen = (await ergebnis.ReadAsync<(string Id, string Vorname, string Nachname)>()).ToList();
        var sprachenJe = (await ergebnis.ReadAsync<(string Id, string Code, string Niveau)>()).ToLookup(r => r.Id);
        var kommunenJe = (await ergebnis.ReadAsync<(string Id, string Ags)>()).ToLookup(r => r.Id, r => Einmal(r.Ags));
        var themenJe = (await ergebnis.ReadAsync<(string Id, string Thema)>()).ToLookup(r => r.Id, r => Einmal(r.Thema));
        var fensterJe = (await ergebnis.ReadAsync<(string Id, long Tag, string Von, string Bis)>()).ToLookup(
            r => r.Id,
            r => new Zeitfenster(Zeitfenster.AusIso(r.Tag), TimeOnly.ParseExact(r.Von, "HH:mm"), TimeOnly.ParseExact(r.Bis, "HH:mm")));
        var qualiJe = (await ergebnis.ReadAsync<(string Id, string Art)>()).ToLookup(r => r.Id, r => Einmal(r.Art));

        var nachSprache = new Dictionary<string, List<Kandidat>>(StringComparer.Ordinal);
        foreach (var (id, vorname, nachname) in namen)
        {
            var kandidat = new Kandidat(
                id,
                $"{vorname} {nachname}",
                sprachenJe[id].ToDictionary(s => Einmal(s.Code), s => SprachniveauTexte.Parse(s.Niveau) ?? Sprachniveau.Grundkenntnisse),
                kommunenJe[id].ToHashSet(),
                themenJe[id].ToHashSet(),
                fensterJe[id].ToList(),
                qualiJe[id].ToHashSet(),
                0m,
                0);
            foreach (var code in kandidat.Sprachen.Keys)
            {
                if (!nachSprache.TryGetValue(code, out var liste))
                {
                    nachSprache[code] = liste = [];
                }

                liste.Add(kandidat);
            }
        }

        var stand = new Profilstand(version, nachSprache.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal), namen.Count);
        logger.LogInformation("Matching-Profile geladen: {Anzahl} aktive Lotsen, Stand {Version}, in {Millisekunden} ms", stand.Anzahl, version, uhr.ElapsedMilliseconds);
        return stand;
    }
}
