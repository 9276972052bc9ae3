using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Modules.Gesundheit.Domain;

namespace IntegrationsPlattform.Modules.Gesundheit.Features.Angebote;

/// <summary>
/// The writes of an offer inside a command's transaction: its working version from an input, the copy of the working
/// version over the published one, status changes with their history, and the scope check of every write.
/// </summary>
internal static class AngebotSchreiben
{
    public const string Arbeit = "arbeit";
    public const string Veroeffentlicht = "veroeffentlicht";

    /// <summary>The German text fields of the input, by their key in <c>angebot_texte</c>.</summary>
    private static IEnumerable<(string Feld, string? Text)> DeutscheTexte(AngebotEingabe e) =>
    [
        ("titel", e.Titel), ("beschreibung", e.Beschreibung), ("anmeldung", e.Anmeldung), ("voraussetzungen", e.Voraussetzungen),
        ("kosten", e.Kosten),
    ];

    public static string Wer(ICurrentUser user) => user.UserName ?? "System";

    /// <summary>Where an offer lies for the scope check: the municipalities of its working version's places and its provider.</summary>
    public static async Task<(IReadOnlyList<string> Kommunen, string AnbieterId, string Status, string? Aenderung)?> LageAsync(ModuleTransaction tx, string id)
    {
        var angebot = await tx.Connection.QuerySingleOrDefaultAsync<(string AnbieterId, string Status, string? Aenderung)>(
            "SELECT anbieter_id, status, aenderung_status FROM angebote WHERE id = @id", new { id }, tx.Sql);
        if (angebot.AnbieterId is null)
        {
            return null;
        }

        var kommunen = (await tx.Connection.QueryAsync<string>(
            "SELECT DISTINCT o.kommune_ags FROM angebot_orte ao JOIN orte o ON o.id = ao.ort_id WHERE ao.angebot_id = @id AND ao.fassung = 'arbeit'",
            new { id }, tx.Sql)).ToList();
        return (kommunen, angebot.AnbieterId, angebot.Status, angebot.Aenderung);
    }

    /// <summary>
    /// Loads where the offer lies and checks that the user may change it there: an offer the user may not read does
    /// not exist for them (404), one they may read but not change is refused (403).
    /// </summary>
    public static async Task<(IReadOnlyList<string> Kommunen, string AnbieterId, string Status, string? Aenderung)> ZumAendernAsync(
        ModuleTransaction tx, RecordScope sicht, string id)
    {
        var lage = await LageAsync(tx, id);
        if (lage is not { } l || !sicht.CanRead(l.Kommunen, owner: null, [l.AnbieterId]))
        {
            throw new RecordNotFoundException("Angebot nicht gefunden.");
        }

        sicht.EnsureWritable(l.Kommunen, owner: null, "Angebot", id, "anbieterId", [l.AnbieterId]);
        return l;
    }

    /// <summary>Refuses a provider id that does not exist, at the field.</summary>
    public static async Task AnbieterPruefenAsync(ModuleTransaction tx, string anbieterId)
    {
        if (await tx.Connection.ExecuteScalarAsync<long>("SELECT count(*) FROM anbieter WHERE id = @anbieterId", new { anbieterId }, tx.Sql) == 0)
        {
            throw RequestValidationException.For("anbieterId", "Diesen Anbieter gibt es nicht.");
        }
    }

    /// <summary>The municipalities the input's places lie in.</summary>
    public static IReadOnlyList<string> Kommunen(AngebotEingabe e) => (e.Orte ?? []).Select(o => o.KommuneAgs!.Trim()).Distinct().ToList();

    /// <summary>A new offer at the start of its lifecycle (a draft) with the input as its working version; answers its id.</summary>
    public static async Task<string> NeuAsync(ModuleTransaction tx, AngebotEingabe e, string anbieterId, string jetzt, string wer, string? grund)
    {
        var id = Guid.CreateVersion7().ToString();
        await tx.Connection.ExecuteAsync(
            """
            INSERT INTO angebote (id, anbieter_id, status, status_seit, angelegt_am, angelegt_von) VALUES (@id, @anbieterId, @status, @jetzt, @jetzt, @wer);
            INSERT INTO angebot_status_verlauf (id, angebot_id, von, nach, am, durch, grund) VALUES (@verlaufId, @id, NULL, @status, @jetzt, @wer, @grund);
            """,
            new { id, anbieterId, status = Lebenszyklen.Angebot.Start.Key, jetzt, wer, grund, verlaufId = Guid.CreateVersion7().ToString() },
            tx.Sql);
        await ArbeitsfassungAsync(tx, id, e, anbieterId, jetzt, wer);
        return id;
    }

    /// <summary>Writes the input as the offer's working version: facts, German texts (raising the revision of a changed one), places, times, languages.</summary>
    public static async Task ArbeitsfassungAsync(ModuleTransaction tx, string id, AngebotEingabe e, string anbieterId, string jetzt, string wer)
    {
        await tx.Connection.ExecuteAsync(
            """
            INSERT INTO angebot_fassungen (angebot_id, fassung, kategorie, ab_schwangerschaft, alter_von_monate, alter_bis_monate, kostenlos,
                dolmetscher_auf_anfrage, gueltig_von, gueltig_bis, geaendert_am, geaendert_von)
            VALUES (@id, 'arbeit', @kategorie, @abSchwangerschaft, @von, @bis, @kostenlos, @dolmetscher, @gueltigVon, @gueltigBis, @jetzt, @wer)
            ON CONFLICT (angebot_id, fassung) DO UPDATE SET kategorie = excluded.kategorie, ab_schwangerschaft = excluded.ab_schwangerschaft,
                alter_von_monate = excluded.alter_von_monate, alter_bis_monate = excluded.alter_bis_monate, kostenlos = excluded.kostenlos,
                dolmetscher_auf_anfrage = excluded.dolmetscher_auf_anfrage, gueltig_von = excluded.gueltig_von, gueltig_bis = excluded.gueltig_bis,
                geaendert_am = excluded.geaendert_am, geaendert_von = excluded.geaendert_von
            """,
            new
            {
                id,
                kategorie = e.Kategorie!.Trim(),
                abSchwangerschaft = e.AbSchwangerschaft,
                von = e.AlterVonMonate ?? 0,
                bis = e.AlterBisMonate ?? Domain.AngebotRegeln.AlterMaxMonate,
                kostenlos = e.Kostenlos,
                dolmetscher = e.DolmetscherAufAnfrage,
                gueltigVon = Sauber(e.GueltigVon),
                gueltigBis = Sauber(e.GueltigBis),
                jetzt,
                wer,
            },
            tx.Sql);

        foreach (var (feld, text) in DeutscheTexte(e))
        {
            if (Sauber(text) is { } neu && !(feld == "kosten" && e.Kostenlos))
            {
                await tx.Connection.ExecuteAsync(
                    """
                    INSERT INTO angebot_texte (angebot_id, fassung, sprache, feld, text, revision, geaendert_am, geaendert_von)
                    VALUES (@id, 'arbeit', 'de', @feld, @neu, 1, @jetzt, @wer)
                    ON CONFLICT (angebot_id, fassung, sprache, feld) DO UPDATE SET
                        revision = CASE WHEN angebot_texte.text = excluded.text THEN angebot_texte.revision ELSE angebot_texte.revision + 1 END,
                        geaendert_am = CASE WHEN angebot_texte.text = excluded.text THEN angebot_texte.geaendert_am ELSE excluded.geaendert_am END,
                        geaendert_von = CASE WHEN angebot_texte.text = excluded.text THEN angebot_texte.geaendert_von ELSE excluded.geaendert_von END,
                        text = excluded.text
                    """,
                    new { id, feld, neu, jetzt, wer },
                    tx.Sql);
            }
            else
            {
                await tx.Connection.ExecuteAsync(
                    "DELETE FROM angebot_texte WHERE angebot_id = @id AND fassung = 'arbeit' AND sprache = 'de' AND feld = @feld", new { id, feld }, tx.Sql);
            }
        }

        await tx.Connection.ExecuteAsync(
            """
            DELETE FROM angebot_orte WHERE angebot_id = @id AND fassung = 'arbeit';
            DELETE FROM oeffnungszeiten WHERE angebot_id = @id AND fassung = 'arbeit';
            DELETE FROM angebot_sprachen WHERE angebot_id = @id AND fassung = 'arbeit';
            """,
            new { id }, tx.Sql);
        foreach (var ort in e.Orte ?? [])
        {
            var ortId = await OrtAsync(tx, anbieterId, ort, jetzt);
            await tx.Connection.ExecuteAsync(
                "INSERT OR IGNORE INTO angebot_orte (angebot_id, fassung, ort_id) VALUES (@id, 'arbeit', @ortId)", new { id, ortId }, tx.Sql);
        }

        foreach (var zeit in e.Zeiten ?? [])
        {
            var freq = Sauber(zeit.Freq)?.ToUpperInvariant();
            await tx.Connection.ExecuteAsync(
                """
                INSERT INTO oeffnungszeiten (id, angebot_id, fassung, freq, byday, datum, opens_at, closes_at, beschreibung)
                VALUES (@zeitId, @id, 'arbeit', @freq, @byday, @datum, @von, @bis, @hinweis)
                """,
                new
                {
                    zeitId = Guid.CreateVersion7().ToString(),
                    id,
                    freq,
                    byday = freq is null ? null : Sauber(zeit.Byday)?.ToUpperInvariant(),
                    datum = freq is null ? Sauber(zeit.Datum) : null,
                    von = zeit.Von!.Trim(),
                    bis = zeit.Bis!.Trim(),
                    hinweis = Sauber(zeit.Hinweis),
                },
                tx.Sql);
        }

        foreach (var sprache in (e.Sprachen ?? []).Select(s => s.Trim().ToLowerInvariant()).Distinct())
        {
            await tx.Connection.ExecuteAsync(
                "INSERT INTO angebot_sprachen (angebot_id, fassung, sprache) VALUES (@id, 'arbeit', @sprache)", new { id, sprache }, tx.Sql);
        }
    }

    /// <summary>
    /// The provider's place with exactly this address, or a new one. A place is never changed in place, so that a
    /// published version keeps the reviewed address while a change to it waits for review.
    /// </summary>
    private static async Task<string> OrtAsync(ModuleTransaction tx, string anbieterId, OrtEingabe ort, string jetzt)
    {
        var werte = new
        {
            anbieterId,
            name = ort.Name!.Trim(),
            strasse = ort.Strasse!.Trim(),
            plz = ort.Plz!.Trim(),
            ortName = ort.Ort!.Trim(),
            kommune = ort.KommuneAgs!.Trim(),
            stufenlos = ort.Stufenlos,
        };
        var vorhanden = await tx.Connection.QueryFirstOrDefaultAsync<string>(
            """
            SELECT id FROM orte WHERE anbieter_id = @anbieterId AND name = @name AND strasse = @strasse AND plz = @plz AND ort = @ortName
                AND kommune_ags = @kommune AND stufenlos = @stufenlos
            """,
            werte, tx.Sql);
        if (vorhanden is not null)
        {
            return vorhanden;
        }

        var id = Guid.CreateVersion7().ToString();
        await tx.Connection.ExecuteAsync(
            """
            INSERT INTO orte (id, anbieter_id, name, strasse, plz, ort, kommune_ags, stufenlos, angelegt_am)
            VALUES (@id, @anbieterId, @name, @strasse, @plz, @ortName, @kommune, @stufenlos, @jetzt)
            """,
            new { id, werte.anbieterId, werte.name, werte.strasse, werte.plz, werte.ortName, werte.kommune, werte.stufenlos, jetzt },
            tx.Sql);
        return id;
    }

    /// <summary>What the working version lacks to be published (German title and description, a place).</summary>
    public static async Task<IReadOnlyList<FieldError>> FehltZumVeroeffentlichenAsync(ModuleTransaction tx, string id)
    {
        var felder = (await tx.Connection.QueryAsync<string>(
            "SELECT feld FROM angebot_texte WHERE angebot_id = @id AND fassung = 'arbeit' AND sprache = 'de'", new { id }, tx.Sql)).ToHashSet();
        var orte = await tx.Connection.ExecuteScalarAsync<int>(
            "SELECT count(*) FROM angebot_orte WHERE angebot_id = @id AND fassung = 'arbeit'", new { id }, tx.Sql);
        return Domain.AngebotRegeln.FehltZumVeroeffentlichen(felder.Contains("titel"), felder.Contains("beschreibung"), orte);
    }

    /// <summary>Refuses (400, at the fields) a publication of a working version that lacks what the public needs.</summary>
    public static async Task VollstaendigAsync(ModuleTransaction tx, string id)
    {
        var fehlt = await FehltZumVeroeffentlichenAsync(tx, id);
        if (fehlt.Count > 0)
        {
            throw new RequestValidationException(fehlt);
        }
    }

    /// <summary>Copies the working version over the published one (facts, texts in every language, places, times, languages, materials).</summary>
    public static async Task VeroeffentlicheAsync(ModuleTransaction tx, string id) => await tx.Connection.ExecuteAsync(
        """
        DELETE FROM angebot_fassungen WHERE angebot_id = @id AND fassung = 'veroeffentlicht';
        INSERT INTO angebot_fassungen (angebot_id, fassung, kategorie, ab_schwangerschaft, alter_von_monate, alter_bis_monate, kostenlos,
            dolmetscher_auf_anfrage, gueltig_von, gueltig_bis, geaendert_am, geaendert_von)
        SELECT angebot_id, 'veroeffentlicht', kategorie, ab_schwangerschaft, alter_von_monate, alter_bis_monate, kostenlos,
            dolmetscher_auf_anfrage, gueltig_von, gueltig_bis, geaendert_am, geaendert_von
        FROM angebot_fassungen WHERE angebot_id = @id AND fassung = 'arbeit';
        INSERT INTO angebot_texte (angebot_id, fassung, sprache, feld, text, revision, de_revision, geaendert_am, geaendert_von)
        SELECT angebot_id, 'veroeffentlicht', sprache, feld, text, revision, de_revision, geaendert_am, geaendert_von
        FROM angebot_texte WHERE angebot_id = @id AND fassung = 'arbeit';
        INSERT INTO angebot_orte (angebot_id, fassung, ort_id)
        SELECT angebot_id, 'veroeffentlicht', ort_id FROM angebot_orte WHERE angebot_id = @id AND fassung = 'arbeit';
        INSERT INTO oeffnungszeiten (id, angebot_id, fassung, ort_id, freq, byday, datum, opens_at, closes_at, beschreibung)
        SELECT id, angebot_id, 'veroeffentlicht', ort_id, freq, byday, datum, opens_at, closes_at, beschreibung
        FROM oeffnungszeiten WHERE angebot_id = @id AND fassung = 'arbeit';
        INSERT INTO angebot_sprachen (angebot_id, fassung, sprache)
        SELECT angebot_id, 'veroeffentlicht', sprache FROM angebot_sprachen WHERE angebot_id = @id AND fassung = 'arbeit';
        INSERT INTO materialien (id, angebot_id, fassung, datei_id, sprache, titel, angelegt_am)
        SELECT id, angebot_id, 'veroeffentlicht', datei_id, sprache, titel, angelegt_am FROM materialien WHERE angebot_id = @id AND fassung = 'arbeit';
        """,
        new { id }, tx.Sql);

    /// <summary>A change to a published offer's working version waits for review (once: a change already waiting stays so).</summary>
    public static async Task AenderungZurPruefungAsync(ModuleTransaction tx, string id, string status, string? aenderung, string jetzt, string wer)
    {
        if (status == "veroeffentlicht" && aenderung != "zur_pruefung")
        {
            await StatusAsync(tx, id, status, status, "zur_pruefung", jetzt, wer, "Änderung wartet auf Prüfung", geprueft: false);
        }
    }

    /// <summary>Sets the offer's status (and what waits beside it) and writes the history entry.</summary>
    public static async Task StatusAsync(ModuleTransaction tx, string id, string? von, string nach, string? aenderung, string jetzt, string wer, string? grund, bool geprueft)
    {
        await tx.Connection.ExecuteAsync(
            """
            UPDATE angebote SET status = @nach, aenderung_status = @aenderung,
                status_seit = CASE WHEN status = @nach THEN status_seit ELSE @jetzt END,
                geprueft_am = CASE WHEN @geprueft THEN @jetzt ELSE geprueft_am END,
                geprueft_von = CASE WHEN @geprueft THEN @wer ELSE geprueft_von END
            WHERE id = @id;
            INSERT INTO angebot_status_verlauf (id, angebot_id, von, nach, am, durch, grund) VALUES (@verlaufId, @id, @von, @nach, @jetzt, @wer, @grund);
            """,
            new { id, nach, aenderung, jetzt, wer, geprueft, von, grund, verlaufId = Guid.CreateVersion7().ToString() },
            tx.Sql);
    }

    public static string? Sauber(string? wert) => string.IsNullOrWhiteSpace(wert) ? null : wert.Trim();
}
