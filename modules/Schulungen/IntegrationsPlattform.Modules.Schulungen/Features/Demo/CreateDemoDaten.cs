using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Demo;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Modules.Schulungen.Domain;
using MediatR;
using Microsoft.Extensions.Logging;

namespace IntegrationsPlattform.Modules.Schulungen.Features.Demo;

/// <summary>
/// The showcase set — three courses, trainers (one linked to the demo account <c>trainerin</c>), schools of the Kreis and
/// a school year of sessions in several municipalities, dates relative to today — and for <see cref="DemoSize.Benchmark"/>
/// besides 500 courses with 5,000 sessions over all municipalities and 100,000 registrations (<see cref="BenchmarkAnmeldungen"/>). Each set starts with ids from a fixed seed: its first
/// id present means the set is there, so a second call adds nothing. Registrations, attendance, certificates and
/// feedback of the showcase's sessions come after it from <see cref="CreateDemoTeilnahmen"/>.
/// </summary>
internal sealed record CreateDemoDaten(DeploymentInfo Deployment, DemoSize Groesse) : IBulkCommand<Done>;

internal sealed class CreateDemoDatenHandler(IModuleDatabase<SchulungenModule> database, ILocalClock clock, ILogger<CreateDemoDatenHandler> logger) : IRequestHandler<CreateDemoDaten, Done>
{
    public const int BenchmarkKurse = 500;
    public const int BenchmarkTermine = 5000;
    public const int BenchmarkPlaetze = 20;
    public const int BenchmarkWarteliste = 30;

    private static readonly (string Titel, string Beschreibung, string Lernziele, string Format, int Einheiten, decimal Stunden)[] Kurse =
    [
        ("Grundlagen diskriminierungskritischer Bildungsarbeit",
            "Was Diskriminierung ist, wie sie in Schule wirkt und wie Schulsozialarbeit ihr begegnet.\nMit Übungen zur eigenen Haltung und Fallbeispielen aus dem Odenwald.",
            "Formen von Diskriminierung unterscheiden\nDie eigene Rolle und Haltung reflektieren\nAnsprechpartner und Beschwerdewege im Kreis kennen", "praesenz", 8, 6m),
        ("Umgang mit Rassismus im Schulalltag",
            "Rassistische Vorfälle erkennen, ansprechen und aufarbeiten: im Klassenzimmer, auf dem Schulhof, im Netz.",
            "Rassistische Vorfälle erkennen und benennen\nBetroffene stärken und begleiten\nEin Vorgehen für die eigene Schule entwerfen", "hybrid", 12, 9m),
        ("Elternarbeit in der Migrationsgesellschaft",
            "Eltern mit Einwanderungsgeschichte als Partner gewinnen: Zugänge, Sprachmittlung, Elternabende, die alle erreichen.",
            "Hürden der Elternbeteiligung kennen\nSprachmittlung im Kreis nutzen\nElterngespräche vorbereiten und führen", "online", 4, 3m),
    ];

    private static readonly (string Name, string Email)[] Trainer =
    [
        ("Tanja Demir", "t.demir@trainings.example.invalid"),
        ("Jonas Albrecht", "j.albrecht@trainings.example.invalid"),
        ("Aylin Kaya-Schmitt", "a.kaya-schmitt@trainings.example.invalid"),
    ];

    private static readonly (string Praefix, string Schulart)[] Schulen =
    [
        ("Grundschule am Wiesengrund", "grundschule"),
        ("Schule am Lindenplatz", "mittelstufenschule"),
        ("Gesamtschule im Mümlingtal", "igs"),
        ("Gymnasium am Kreuzberg", "gymnasium"),
        ("Berufliche Schule am Bahnhof", "berufliche_schule"),
    ];

    /// <summary>The showcase's course titles: <see cref="CreateDemoTeilnahmen"/> fills these courses' sessions, never the benchmark's.</summary>
    public static IReadOnlyList<string> SchaufensterTitel { get; } = Kurse.Select(k => k.Titel).ToList();

    public async Task<Done> Handle(CreateDemoDaten request, CancellationToken cancellationToken)
    {
        var tx = database.Transaction;
        var kommunen = request.Deployment.Municipalities.Select(m => m.Ags).ToList();
        if (kommunen.Count == 0)
        {
            return Done.Value;
        }

        var schaufenster = new DemoIds(2026_11);
        if (!await ExistiertAsync(tx, schaufenster.Erste))
        {
            await SchaufensterAsync(tx, schaufenster, request.Deployment);
        }

        if (request.Groesse == DemoSize.Benchmark)
        {
            var gross = new DemoIds(2026_12);
            if (!await ExistiertAsync(tx, gross.Erste))
            {
                var uhr = System.Diagnostics.Stopwatch.StartNew();
                await BenchmarkAsync(tx, gross, kommunen);
                logger.LogInformation("Schulungen-Benchmarkdaten: {Kurse} Kurse, {Termine} Termine, {Anmeldungen} Anmeldungen geschrieben in {Ms} ms.",
                    BenchmarkKurse, BenchmarkTermine, BenchmarkAnmeldungen.Anzahl, uhr.ElapsedMilliseconds);
            }
        }

        return Done.Value;
    }

    private static async Task<bool> ExistiertAsync(ModuleTransaction tx, string id)
        => await tx.Connection.ExecuteScalarAsync<long>("SELECT count(*) FROM kurse WHERE id = @id", new { id }, tx.Sql) > 0;

    private async Task SchaufensterAsync(ModuleTransaction tx, DemoIds ids, DeploymentInfo deployment)
    {
        var jetzt = GermanFormat.StoredInstant(clock.UtcNow);
        var kursIds = new List<string>();
        foreach (var k in Kurse)
        {
            var id = ids.Naechste();
            kursIds.Add(id);
            await tx.Connection.ExecuteAsync(
                """
                INSERT INTO kurse (id, titel, beschreibung, lernziele, zielgruppe, format, unterrichtseinheiten, stunden, status, status_seit, angelegt_am, geaendert_am)
                VALUES (@id, @titel, @beschreibung, @lernziele, 'Schulsozialarbeit an allen Schulformen, Fachkräfte der Jugendhilfe', @format, @einheiten, @stunden, 'veroeffentlicht', @jetzt, @jetzt, @jetzt)
                """,
                new { id, titel = k.Titel, beschreibung = k.Beschreibung, lernziele = k.Lernziele, format = k.Format, einheiten = k.Einheiten, stunden = k.Stunden, jetzt },
                tx.Sql);
        }

        var trainerIds = new List<string>();
        foreach (var (name, email) in Trainer)
        {
            var id = ids.Naechste();
            trainerIds.Add(id);
            await tx.Connection.ExecuteAsync(
                "INSERT INTO trainer (id, name, email, benutzername, angelegt_am) VALUES (@id, @name, @email, @benutzername, @jetzt)",
                new { id, name, email, benutzername = trainerIds.Count == 1 ? DemoKonten.TrainerinBenutzer : null, jetzt }, tx.Sql);
        }

        var schulen = deployment.Municipalities.SelectMany((m, i) => Schulen.Where((_, j) => (i + j) % 3 == 0).Select(s => (Name: $"{s.Praefix} {m.Name}", s.Schulart, m.Ags)));
        foreach (var schule in schulen)
        {
            await tx.Connection.ExecuteAsync(
                "INSERT INTO schulen (id, name, schulart, kommune_ags, angelegt_am) VALUES (@id, @name, @schulart, @ags, @jetzt)",
                new { id = ids.Naechste(), name = schule.Name, schulart = schule.Schulart, ags = schule.Ags, jetzt }, tx.Sql);
        }

        // A school year of sessions around today, every three weeks, in turn through the courses and several municipalities:
        // past ones held (the older ones evaluated), one cancelled, the next ones open for registration, later ones planned.
        var heute = clock.Today;
        var beginn = heute.AddDays(-21 * 8);
        var orte = deployment.Municipalities.Take(6).ToList();
        for (var n = 0; n < 16; n++)
        {
            var tag = beginn.AddDays(21 * n);
            var kurs = n % Kurse.Length;
            var ort = orte[n % orte.Count];
            var online = Kurse[kurs].Format == "online";
            var zweiTage = Kurse[kurs].Einheiten > 8;
            var ende = zweiTage ? tag.AddDays(7) : tag;
            var status = (n, ende < heute) switch
            {
                (5, _) => "abgesagt",
                (_, true) when ende < heute.AddDays(-30) => "ausgewertet",
                (_, true) => "durchgefuehrt",
                (_, false) when tag < heute.AddDays(60) => "offen",
                _ => "geplant",
            };
            var id = ids.Naechste();
            await tx.Connection.ExecuteAsync(
                """
                INSERT INTO termine (id, kurs_id, kommune_ags, kapazitaet, max_warteliste, anmeldeschluss, status, status_seit, absage_grund, kalender_sequenz, angelegt_am, geaendert_am)
                VALUES (@id, @kurs, @ags, @kapazitaet, @warteliste, @schluss, @status, @jetzt, @grund, @sequenz, @jetzt, @jetzt)
                """,
                new
                {
                    id, kurs = kursIds[kurs], ags = online ? null : ort.Ags, kapazitaet = online ? 30 : 16 + n % 3 * 2, warteliste = online ? 0 : 8,
                    schluss = GermanFormat.StoredDay(tag.AddDays(-10)), status, jetzt,
                    grund = status == "abgesagt" ? "Zu wenige Anmeldungen; Ersatztermin im Frühjahr." : null, sequenz = status == "abgesagt" ? 1 : 0,
                },
                tx.Sql);
            foreach (var t in zweiTage ? new[] { tag, ende } : [tag])
            {
                await tx.Connection.ExecuteAsync(
                    "INSERT INTO termin_zeiten (id, termin_id, beginn, ende, ort, online_link) VALUES (@zeit, @id, @von, @bis, @platz, @link)",
                    new
                    {
                        zeit = ids.Naechste(), id,
                        von = TerminRegeln.Ortszeit(t, new TimeOnly(online ? 14 : 9, 0)),
                        bis = TerminRegeln.Ortszeit(t, new TimeOnly(online ? 17 : 16, 0)),
                        platz = online ? null : $"Bürgerhaus {ort.Name}, Saal 1",
                        link = online || Kurse[kurs].Format == "hybrid" ? $"https://konferenz.example.invalid/schulung-{n + 1}" : null,
                    },
                    tx.Sql);
            }

            await tx.Connection.ExecuteAsync("INSERT INTO termin_trainer (termin_id, trainer_id) VALUES (@id, @trainer)", new { id, trainer = trainerIds[n % 2 == 0 ? 0 : 1 + n % 4 / 2] }, tx.Sql);
        }
    }

    /// <summary>The benchmark set: prepared inserts in the bulk transaction; the host runs ANALYZE afterwards.</summary>
    private async Task BenchmarkAsync(ModuleTransaction tx, DemoIds ids, List<string> kommunen)
    {
        var jetzt = GermanFormat.StoredInstant(clock.UtcNow);
        var kurse = Enumerable.Range(1, BenchmarkKurse).Select(i => new
        {
            id = ids.Naechste(),
            titel = $"{Kurse[i % Kurse.Length].Titel} (Benchmark {i:000})",
            format = Kurse[i % Kurse.Length].Format,
            status = i % 10 == 0 ? "archiviert" : "veroeffentlicht",
            jetzt,
        }).ToList();
        await tx.Connection.ExecuteAsync(
            """
            INSERT INTO kurse (id, titel, beschreibung, lernziele, zielgruppe, format, unterrichtseinheiten, stunden, status, status_seit, angelegt_am, geaendert_am)
            VALUES (@id, @titel, 'Benchmarkkurs', 'Benchmark', 'Schulsozialarbeit', @format, 8, 6, @status, @jetzt, @jetzt, @jetzt)
            """,
            kurse, tx.Sql);

        var statusFolge = Lebenszyklen.Termin.All.Select(s => s.Key).ToArray();
        var start = clock.Today.AddYears(-2);
        var termine = Enumerable.Range(0, BenchmarkTermine).Select(i => new
        {
            id = ids.Naechste(),
            kurs = kurse[i % kurse.Count].id,
            ags = kommunen[i % kommunen.Count],
            // Every municipality has sessions in every status (the list's filters combine both).
            status = statusFolge[i / kommunen.Count % statusFolge.Length],
            tag = start.AddDays(i * 3 % 1100),
            jetzt,
        }).ToList();
        await tx.Connection.ExecuteAsync(
            """
            INSERT INTO termine (id, kurs_id, kommune_ags, kapazitaet, max_warteliste, anmeldeschluss, status, status_seit, angelegt_am, geaendert_am)
            VALUES (@id, @kurs, @ags, @plaetze, @warteliste, @schluss, @status, @jetzt, @jetzt, @jetzt)
            """,
            termine.Select(t => new { t.id, t.kurs, t.ags, plaetze = BenchmarkPlaetze, warteliste = BenchmarkWarteliste, schluss = GermanFormat.StoredDay(t.tag.AddDays(-7)), t.status, t.jetzt }), tx.Sql);
        await tx.Connection.ExecuteAsync(
            "INSERT INTO termin_zeiten (id, termin_id, beginn, ende, ort) VALUES (@zeit, @id, @von, @bis, 'Benchmarkraum')",
            termine.Select(t => new { zeit = ids.Naechste(), t.id, von = TerminRegeln.Ortszeit(t.tag, new TimeOnly(9, 0)), bis = TerminRegeln.Ortszeit(t.tag, new TimeOnly(16, 0)) }),
            tx.Sql);
        await BenchmarkAnmeldungen.SchreibenAsync(tx, termine.Select(t => new BenchmarkTermin(t.id, t.status)).ToList(), ids.Naechste, clock.UtcNow);
    }
}
