using Dapper;
using Microsoft.Data.Sqlite;

namespace IntegrationsPlattform.Modules.Gesundheit.Tests.Hsds;

/// <summary>
/// Offers in every state the HSDS API must tell apart, written straight into the module's database (the HSDS API only
/// reads; how offers come to be published is tested with the offer workflow). Ids are fixed so the tests can name them;
/// the validity dates follow the host's clock.
/// </summary>
internal static class HsdsTestdaten
{
    public const string Praxis = "0193a000-0000-7000-8000-000000000001";
    public const string PraxisOhneVeroeffentlichung = "0193a000-0000-7000-8000-000000000002";
    public const string OrtMarkt = "0193a000-0000-7000-8000-000000000011";

    /// <summary>A place only a draft uses: not public.</summary>
    public const string OrtBadeweg = "0193a000-0000-7000-8000-000000000012";

    /// <summary>Published, translated into English, with languages, a place, weekly hours there and an Impftag.</summary>
    public const string Impfsprechstunde = "0193a000-0000-7000-8000-000000000101";
    public const string ZeitWoechentlich = "0193a000-0000-7000-8000-000000000201";
    public const string ZeitImpftag = "0193a000-0000-7000-8000-000000000202";

    /// <summary>Published in German only; a provider's change to it (a new title) waits for review.</summary>
    public const string Zahnputzkurs = "0193a000-0000-7000-8000-000000000102";

    public const string Entwurf = "0193a000-0000-7000-8000-000000000103";
    public const string ZurPruefung = "0193a000-0000-7000-8000-000000000104";
    public const string Archiviert = "0193a000-0000-7000-8000-000000000105";
    public const string Abgelaufen = "0193a000-0000-7000-8000-000000000106";

    public const string ZahnputzkursInPruefung = "Zahnputzkurs NEU (ungeprüft)";

    /// <summary>When the offers were reviewed, as stored.</summary>
    public const string GeprueftAm = "2026-10-01T08:30:00Z";

    public static void Schreiben(SqliteConnection connection, DateOnly heute)
    {
        connection.Open();
        using var tx = connection.BeginTransaction();
        const string Jetzt = "2026-09-01T08:00:00Z";

        connection.Execute("""
            INSERT INTO anbieter (id, name, beschreibung, email, website, angelegt_am) VALUES
              (@Praxis, 'Kinderarztpraxis am Markt', 'Praxis für Kinder- und Jugendmedizin', 'praxis@example.org', 'www.praxis-am-markt.example', @Jetzt),
              (@PraxisOhneVeroeffentlichung, 'Hebammenpraxis Sonnenschein', NULL, NULL, NULL, @Jetzt)
            """, new { Praxis, PraxisOhneVeroeffentlichung, Jetzt }, tx);
        connection.Execute("""
            INSERT INTO orte (id, anbieter_id, name, strasse, plz, ort, kommune_ags, stufenlos, breite, laenge, angelegt_am)
            VALUES (@OrtMarkt, @Praxis, 'Praxis am Markt', 'Marktplatz 3', '64711', 'Erbach', '06437006', 1, 49.6577, 8.9938, @Jetzt),
                   (@OrtBadeweg, @Praxis, 'Hallenbad', 'Badeweg 1', '64720', 'Michelstadt', '06437014', 0, NULL, NULL, @Jetzt)
            """, new { OrtMarkt, OrtBadeweg, Praxis, Jetzt }, tx);

        Angebot(Impfsprechstunde, Praxis, "veroeffentlicht", "impfungen", alterVon: 6, alterBis: 72, kostenlos: true, dolmetscher: true, gueltigBis: null);
        Texte(Impfsprechstunde, "veroeffentlicht", "de", ("titel", "Impfsprechstunde"), ("beschreibung", "Impfungen nach STIKO für Kinder"),
            ("anmeldung", "Telefonisch oder in der Praxis"), ("voraussetzungen", "Impfpass mitbringen"));
        Texte(Impfsprechstunde, "veroeffentlicht", "en", ("titel", "Vaccination consultation"), ("beschreibung", "Vaccinations for children"));
        Sprachen(Impfsprechstunde, "veroeffentlicht", "ar", "tr");
        connection.Execute("INSERT INTO angebot_orte (angebot_id, fassung, ort_id) VALUES (@Impfsprechstunde, 'veroeffentlicht', @OrtMarkt)", new { Impfsprechstunde, OrtMarkt }, tx);
        connection.Execute("""
            INSERT INTO oeffnungszeiten (id, angebot_id, fassung, ort_id, freq, byday, datum, opens_at, closes_at, beschreibung) VALUES
              (@ZeitWoechentlich, @Impfsprechstunde, 'veroeffentlicht', @OrtMarkt, 'WEEKLY', 'MO,WE', NULL, '09:00', '12:00', NULL),
              (@ZeitImpftag, @Impfsprechstunde, 'veroeffentlicht', NULL, NULL, NULL, @Impftag, '14:00', '18:00', 'Impftag im Rathaus')
            """, new { ZeitWoechentlich, ZeitImpftag, Impfsprechstunde, OrtMarkt, Impftag = Tag(heute.AddDays(20)) }, tx);

        Angebot(Zahnputzkurs, Praxis, "veroeffentlicht", "zahnprophylaxe", alterVon: 24, alterBis: 96, kostenlos: false, dolmetscher: false, gueltigBis: Tag(heute));
        Texte(Zahnputzkurs, "veroeffentlicht", "de", ("titel", "Zahnputzkurs"), ("kosten", "5 Euro je Kurs"));
        Fassung(Zahnputzkurs, "arbeit", "zahnprophylaxe");
        Texte(Zahnputzkurs, "arbeit", "de", ("titel", ZahnputzkursInPruefung));
        connection.Execute("UPDATE angebote SET aenderung_status = 'zur_pruefung' WHERE id = @Zahnputzkurs", new { Zahnputzkurs }, tx);

        foreach (var (id, status, titel, gueltigBis) in new[]
                 {
                     (Entwurf, "entwurf", "Entwurf: Babymassage", (string?)null),
                     (ZurPruefung, "zur_pruefung", "In Prüfung: Elterncafé", null),
                     (Archiviert, "archiviert", "Archiviert: Sommerkurs", null),
                     (Abgelaufen, "veroeffentlicht", "Abgelaufen: Herbstkurs", Tag(heute.AddDays(-1))),
                 })
        {
            var fassung = status is "veroeffentlicht" or "archiviert" ? "veroeffentlicht" : "arbeit";
            var anbieter = id == Abgelaufen ? PraxisOhneVeroeffentlichung : Praxis;
            Angebot(id, anbieter, status, "bewegung", 0, 216, true, false, gueltigBis, fassung);
            Texte(id, fassung, "de", ("titel", titel));
        }

        connection.Execute("INSERT INTO angebot_orte (angebot_id, fassung, ort_id) VALUES (@Entwurf, 'arbeit', @OrtBadeweg)", new { Entwurf, OrtBadeweg }, tx);
        tx.Commit();

        void Angebot(string id, string anbieter, string status, string kategorie, int alterVon, int alterBis, bool kostenlos, bool dolmetscher, string? gueltigBis, string fassung = "veroeffentlicht")
        {
            var geprueft = status is "veroeffentlicht" or "archiviert" ? GeprueftAm : null;
            connection.Execute("""
                INSERT INTO angebote (id, anbieter_id, status, status_seit, geprueft_am, geprueft_von, angelegt_am, angelegt_von)
                VALUES (@id, @anbieter, @status, @Jetzt, @geprueft, @von, @Jetzt, 'fachkraft')
                """, new { id, anbieter, status, Jetzt, geprueft, von = geprueft is null ? null : "fachkraft" }, tx);
            Fassung(id, fassung, kategorie, alterVon, alterBis, kostenlos, dolmetscher, gueltigBis);
        }

        void Fassung(string id, string fassung, string kategorie, int alterVon = 0, int alterBis = 216, bool kostenlos = true, bool dolmetscher = false, string? gueltigBis = null)
            => connection.Execute("""
                INSERT INTO angebot_fassungen (angebot_id, fassung, kategorie, alter_von_monate, alter_bis_monate, kostenlos, dolmetscher_auf_anfrage,
                                               gueltig_von, gueltig_bis, geaendert_am, geaendert_von)
                VALUES (@id, @fassung, @kategorie, @alterVon, @alterBis, @kostenlos, @dolmetscher, @gueltigVon, @gueltigBis, @Jetzt, 'fachkraft')
                """, new { id, fassung, kategorie, alterVon, alterBis, kostenlos, dolmetscher, gueltigVon = gueltigBis, gueltigBis, Jetzt }, tx);

        void Texte(string id, string fassung, string sprache, params (string Feld, string Text)[] texte)
        {
            foreach (var (feld, text) in texte)
            {
                connection.Execute("""
                    INSERT INTO angebot_texte (angebot_id, fassung, sprache, feld, text, revision, de_revision, geaendert_am, geaendert_von)
                    VALUES (@id, @fassung, @sprache, @feld, @text, 1, @deRevision, @Jetzt, 'fachkraft')
                    """, new { id, fassung, sprache, feld, text, deRevision = sprache == "de" ? (int?)null : 1, Jetzt }, tx);
            }
        }

        void Sprachen(string id, string fassung, params string[] sprachen)
        {
            foreach (var sprache in sprachen)
            {
                connection.Execute("INSERT INTO angebot_sprachen (angebot_id, fassung, sprache) VALUES (@id, @fassung, @sprache)", new { id, fassung, sprache }, tx);
            }
        }
    }

    private static string Tag(DateOnly tag) => tag.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
