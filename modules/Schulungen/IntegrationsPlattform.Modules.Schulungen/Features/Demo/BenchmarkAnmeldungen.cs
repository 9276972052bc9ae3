using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;

namespace IntegrationsPlattform.Modules.Schulungen.Features.Demo;

/// <summary>A session of the benchmark set as the registrations need it.</summary>
internal sealed record BenchmarkTermin(string Id, string Status);

/// <summary>
/// The benchmark set's registrations: <see cref="Anzahl"/> over every session that takes registrations (all but the
/// planned ones), between 18 and 30 per session, from <see cref="Teilnehmende"/> invented participants. They go through
/// the schema's capacity triggers like any other write: the first <see cref="CreateDemoDatenHandler.BenchmarkPlaetze"/>
/// confirmed take the seats (after a held session: not shown up, partly or fully attended), the next wait in order of
/// confirmation, every tenth has cancelled, and the triggers set an open session with all seats taken to „ausgebucht“
/// (and a full one with free seats back to „offen“).
/// </summary>
internal static class BenchmarkAnmeldungen
{
    public const int Anzahl = 100_000;
    public const int Teilnehmende = 20_000;

    private static readonly string[] Vornamen = ["Aylin", "Jonas", "Mira", "Noah", "Fatma", "Lukas", "Sara", "Elias", "Lea", "Karim", "Hanna", "Milan"];
    private static readonly string[] Nachnamen = ["Demir", "Keller", "Yilmaz", "Schneider", "Hoffmann", "Kaya", "Becker", "Nowak", "Weber", "Haddad", "Fischer"];

    private static readonly string[] NachDemTermin = ["nicht_erschienen", "teilweise", "vollstaendig", "vollstaendig", "vollstaendig"];

    public static async Task SchreibenAsync(ModuleTransaction tx, IReadOnlyList<BenchmarkTermin> termine, Func<string> naechsteId, DateTimeOffset jetzt)
    {
        var gespeichert = GermanFormat.StoredInstant(jetzt);
        var personen = Enumerable.Range(0, Teilnehmende).Select(n => new
        {
            id = naechsteId(),
            vorname = Vornamen[n % Vornamen.Length],
            nachname = Nachnamen[n / Vornamen.Length % Nachnamen.Length],
            email = $"teilnahme{n:00000}@benchmark.example.invalid",
            jetzt = gespeichert,
        }).ToList();
        await tx.Connection.ExecuteAsync(
            "INSERT INTO teilnehmende (id, vorname, nachname, email, angelegt_am) VALUES (@id, @vorname, @nachname, @email, @jetzt)",
            personen, tx.Sql);

        var mitAnmeldungen = termine.Where(t => t.Status != "geplant").ToList();
        var anmeldungen = mitAnmeldungen.SelectMany((termin, x) => Anmeldungen(termin, AnzahlFuer(x, mitAnmeldungen.Count), x, jetzt)
            .Select(a => new
            {
                id = naechsteId(),
                termin = termin.Id,
                person = personen[a.Person].id,
                status = a.Status,
                bestaetigt = GermanFormat.StoredInstant(a.Bestaetigt),
                warteposition = a.Warteposition,
                abgemeldet = a.Status == "abgemeldet" ? gespeichert : null,
                jetzt = gespeichert,
            }));
        await tx.Connection.ExecuteAsync(
            """
            INSERT INTO anmeldungen (id, termin_id, teilnehmende_id, status, angefragt_am, bestaetigt_am, warteposition, abgemeldet_am, geaendert_am)
            VALUES (@id, @termin, @person, @status, @bestaetigt, @bestaetigt, @warteposition, @abgemeldet, @jetzt)
            """,
            anmeldungen, tx.Sql);
    }

    /// <summary>
    /// <see cref="Anzahl"/> spread over <paramref name="sessions"/>: an even share, the remainder one each to the first,
    /// and pairs of neighbours that differ by up to ±6 around it (the pair's sum stays, so the total is exact).
    /// </summary>
    private static int AnzahlFuer(int x, int sessions)
    {
        var anteil = Anzahl / sessions + (x < Anzahl % sessions ? 1 : 0);
        var paar = x / 2;
        var abweichung = x == sessions - 1 && sessions % 2 == 1 ? 0 : paar % 7;
        return x % 2 == 0 ? anteil + abweichung : anteil - abweichung;
    }

    private sealed record Anmeldung(int Person, string Status, DateTimeOffset Bestaetigt, int? Warteposition);

    /// <summary>The <paramref name="anzahl"/> registrations of one session, in the order they were confirmed.</summary>
    private static IEnumerable<Anmeldung> Anmeldungen(BenchmarkTermin termin, int anzahl, int x, DateTimeOffset jetzt)
    {
        var vorbei = termin.Status is "durchgefuehrt" or "ausgewertet";
        int plaetze = 0, wartende = 0;
        for (var j = 0; j < anzahl; j++)
        {
            // Consecutive people per session, so nobody holds two registrations of one session.
            var person = (x * 53 + j) % Teilnehmende;
            var bestaetigt = jetzt.AddMinutes(j - anzahl - x % 1440);
            if (termin.Status == "abgesagt" || j % 10 == 9)
            {
                yield return new Anmeldung(person, "abgemeldet", bestaetigt, null);
            }
            else if (plaetze < CreateDemoDatenHandler.BenchmarkPlaetze)
            {
                plaetze++;
                yield return new Anmeldung(person, vorbei ? NachDemTermin[j % NachDemTermin.Length] : "angemeldet", bestaetigt, null);
            }
            else
            {
                // Who waited for a held session and never got a seat stays on its list: unmet demand.
                yield return new Anmeldung(person, "warteliste", bestaetigt, ++wartende);
            }
        }
    }
}
