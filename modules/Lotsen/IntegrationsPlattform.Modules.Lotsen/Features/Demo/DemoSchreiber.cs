using Microsoft.Data.Sqlite;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Demo;

/// <summary>
/// Writes a <see cref="DemoPlan"/> inside the open transaction: one prepared command per table, reused
/// for every row (the benchmark set has about half a million rows). Order matters: the triggers on
/// <c>einsaetze</c> check overlaps and that the Lotse is active, so Lotsen who paused or left later
/// are written as active first and get their final status after their assignments.
/// </summary>
internal sealed class DemoSchreiber(SqliteConnection connection, SqliteTransaction transaction)
{
    public void Schreibe(DemoPlan plan)
    {
        using (var c = Befehl("INSERT INTO traeger (id, name, ansprechperson, email, telefon, status, status_seit, notiz, angelegt_am) VALUES (@1, @2, @3, @4, @5, @6, @7, @8, @9)", 9))
        {
            foreach (var t in plan.Traeger)
            {
                Los(c, t.Id, t.Name, t.Ansprechperson, t.Email, t.Telefon, t.Status, t.StatusSeit, t.Notiz, t.AngelegtAm);
            }
        }

        Paare("INSERT INTO traeger_kommunen (traeger_id, ags) VALUES (@1, @2)", plan.TraegerKommunen);
        Verlauf("traeger_status_verlauf", "traeger_id", plan.TraegerVerlauf);
        using (var c = Befehl("INSERT INTO traeger_kontakte (id, traeger_id, datum, kanal, notiz, erfasst_von, erfasst_am) VALUES (@1, @2, @3, @4, @5, @6, @7)", 7))
        {
            foreach (var k in plan.Kontakte)
            {
                Los(c, k.Id, k.TraegerId, k.Datum, k.Kanal, k.Notiz, k.ErfasstVon, k.ErfasstAm);
            }
        }

        using (var c = Befehl("INSERT INTO vereinbarungen (id, traeger_id, beginn, ende, foerderung, angelegt_am) VALUES (@1, @2, @3, NULL, @4, @5)", 5))
        {
            foreach (var v in plan.Vereinbarungen)
            {
                Los(c, v.Id, v.TraegerId, v.Beginn, v.Foerderung, v.AngelegtAm);
            }
        }

        Paare("INSERT INTO vereinbarung_kommunen (vereinbarung_id, ags, aktiv) VALUES (@1, @2, 1)", plan.VereinbarungKommunen);

        using (var c = Befehl(
            """
            INSERT INTO lotsen (id, vorname, nachname, email, telefon, wohnort_ags, status, status_seit, vermittelt_durch, traeger_id, benutzername,
                                einwilligung_am, einwilligung_version, einwilligung_bis, angelegt_am, geaendert_am)
            VALUES (@1, @2, @3, @4, @5, @6, @7, @8, @9, @10, @11, @12, @13, @14, @15, @15)
            """, 15))
        {
            foreach (var l in plan.Lotsen)
            {
                Los(c, l.Id, l.Vorname, l.Nachname, l.Email, l.Telefon, l.WohnortAgs, l.StatusBeimSchreiben, l.StatusSeit, l.VermitteltDurch, l.TraegerId, l.Benutzername,
                    l.EinwilligungAm, l.EinwilligungVersion, l.EinwilligungBis, l.AngelegtAm);
            }
        }

        using (var c = Befehl("INSERT INTO lotse_sprachen (lotse_id, code, niveau) VALUES (@1, @2, @3)", 3))
        {
            foreach (var (id, code, niveau) in plan.LotseSprachen)
            {
                Los(c, id, code, niveau);
            }
        }

        Paare("INSERT INTO lotse_themen (lotse_id, thema) VALUES (@1, @2)", plan.LotseThemen);
        Paare("INSERT INTO lotse_kommunen (lotse_id, ags) VALUES (@1, @2)", plan.LotseKommunen);
        using (var c = Befehl("INSERT INTO lotse_verfuegbarkeit (lotse_id, wochentag, von, bis) VALUES (@1, @2, @3, @4)", 4))
        {
            foreach (var (id, tag, von, bis) in plan.LotseFenster)
            {
                Los(c, id, tag, von, bis);
            }
        }

        using (var c = Befehl("INSERT INTO lotse_qualifikationen (id, lotse_id, art, datum, anbieter, angelegt_am) VALUES (@1, @2, @3, @4, @5, @6)", 6))
        {
            foreach (var q in plan.Qualifikationen)
            {
                Los(c, q.Id, q.LotseId, q.Art, q.Datum, q.Anbieter, q.AngelegtAm);
            }
        }

        Verlauf("lotse_status_verlauf", "lotse_id", plan.LotseVerlauf);

        using (var c = Befehl(
            """
            INSERT INTO anfragen (id, kennung, kontakt, thema, ziel, kommune_ags, datum_von, datum_bis, uhrzeit_von, uhrzeit_bis, vermittelt_durch,
                                  status, status_grund, lotse_id, angelegt_am, geschlossen_am, anonymisiert_am)
            VALUES (@1, @2, @3, @4, @5, @6, @7, @8, @9, @10, @11, @12, @13, @14, @15, @16, @17)
            """, 17))
        {
            foreach (var a in plan.Anfragen)
            {
                Los(c, a.Id, a.Kennung, a.Kontakt, a.Thema, a.Ziel, a.KommuneAgs, a.DatumVon, a.DatumBis, a.UhrzeitVon, a.UhrzeitBis, a.VermitteltDurch,
                    a.Status, a.StatusGrund, a.LotseId, a.AngelegtAm, a.GeschlossenAm, a.AnonymisiertAm);
            }
        }

        Paare("INSERT INTO anfrage_sprachen (anfrage_id, code) VALUES (@1, @2)", plan.AnfrageSprachen);
        using (var c = Befehl("INSERT INTO anfrage_aktivitaeten (id, anfrage_id, art, notiz, am, durch) VALUES (@1, @2, @3, @4, @5, @6)", 6))
        {
            foreach (var a in plan.Aktivitaeten)
            {
                Los(c, a.Id, a.AnfrageId, a.Art, a.Notiz, a.Am, a.Durch);
            }
        }

        using (var c = Befehl(
            """
            INSERT INTO einsaetze (id, anfrage_id, lotse_id, beginn, ende, dauer_minuten, fahrt_km, status, ergebnis, bemerkung, nachbereitung,
                                   erfasst_von, angelegt_am, geaendert_am)
            VALUES (@1, @2, @3, @4, @5, @6, @7, @8, @9, @10, @11, @12, @13, @14)
            """, 14))
        {
            foreach (var e in plan.Einsaetze)
            {
                Los(c, e.Id, e.AnfrageId, e.LotseId, e.Beginn, e.Ende, e.DauerMinuten, e.FahrtKm, e.Status, e.Ergebnis, e.Bemerkung, e.Nachbereitung ? 1 : 0,
                    e.ErfasstVon, e.AngelegtAm, e.GeaendertAm);
            }
        }

        using (var c = Befehl("UPDATE lotsen SET status = @2 WHERE id = @1", 2))
        {
            foreach (var l in plan.Lotsen.Where(l => l.Status != l.StatusBeimSchreiben))
            {
                Los(c, l.Id, l.Status);
            }
        }
    }

    private void Paare(string sql, IEnumerable<(string, string)> zeilen)
    {
        using var c = Befehl(sql, 2);
        foreach (var (a, b) in zeilen)
        {
            Los(c, a, b);
        }
    }

    private void Verlauf(string tabelle, string spalte, IEnumerable<DemoVerlauf> zeilen)
    {
        using var c = Befehl($"INSERT INTO {tabelle} (id, {spalte}, von, nach, am, durch, grund) VALUES (@1, @2, @3, @4, @5, @6, @7)", 7);
        foreach (var v in zeilen)
        {
            Los(c, v.Id, v.GehoertZu, v.Von, v.Nach, v.Am, v.Durch, v.Grund);
        }
    }

    private SqliteCommand Befehl(string sql, int parameter)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        for (var i = 1; i <= parameter; i++)
        {
            command.Parameters.Add(new SqliteParameter("@" + i, DBNull.Value));
        }

        command.Prepare();
        return command;
    }

    private static void Los(SqliteCommand command, params object?[] werte)
    {
        for (var i = 0; i < werte.Length; i++)
        {
            command.Parameters[i].Value = werte[i] ?? DBNull.Value;
        }

        command.ExecuteNonQuery();
    }
}
