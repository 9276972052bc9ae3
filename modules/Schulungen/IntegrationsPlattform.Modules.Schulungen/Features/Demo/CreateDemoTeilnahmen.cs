using System.Globalization;
using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Modules.Schulungen.Domain;
using IntegrationsPlattform.Modules.Schulungen.Features.Anmeldungen;
using IntegrationsPlattform.Modules.Schulungen.Features.Bescheinigungen;
using IntegrationsPlattform.Modules.Schulungen.Features.Feedback;
using MediatR;

namespace IntegrationsPlattform.Modules.Schulungen.Features.Demo;

/// <summary>
/// The people in the showcase's sessions, relative to the host's clock: invented participants from schools of the Kreis'
/// municipalities and from Träger without a school; in the held sessions their seats with attendance recorded for every
/// day (vollständig, teilweise, nicht erschienen), cancellations and, in one, a waiting list that never moved up;
/// certificates (the module's own codes) for who attended enough in the evaluated sessions; feedback invitations for every
/// attendee with anonymous answers — from 5 on in most sessions, fewer in the latest, whose results stay hidden; in the
/// open sessions seats, one full with its waiting list. Its first participant's id (fixed seed) tells whether the set is
/// there. Answers the public registrations still to be confirmed (<c>angefragt</c>), which the platform's double opt-in
/// holds, not the module.
/// </summary>
internal sealed record CreateDemoTeilnahmen : IBulkCommand<DemoTeilnahmen>;

/// <summary>What the demo set leaves to the double opt-in: public registrations not yet confirmed; empty when the set was there already.</summary>
internal sealed record DemoTeilnahmen(IReadOnlyList<OeffentlicheAnmeldung> Angefragt, string Kurs = "");

internal sealed class CreateDemoTeilnahmenHandler(IModuleDatabase<SchulungenModule> database, ILocalClock clock, SchulungenSettings settings)
    : IRequestHandler<CreateDemoTeilnahmen, DemoTeilnahmen>
{
    private const int Personen = 64;

    private static readonly string[] Vornamen =
    [
        "Anna", "Lukas", "Fatma", "Mehmet", "Julia", "Sven", "Leyla", "Dmytro", "Olena", "Katharina", "Thomas", "Miriam", "Yusuf",
        "Sabine", "Tobias", "Nadia", "Jana", "Hakan", "Elif", "Markus", "Sarah", "Ahmad", "Daniela", "Marco", "Swetlana", "Kerstin",
        "Jan", "Amira", "Nicole", "Florian", "Zeynep", "Stefanie", "Emre", "Ines", "Patrick", "Maria", "Olga", "Samira", "Christian", "Lea",
    ];

    private static readonly string[] Nachnamen =
    [
        "Schneider", "Yilmaz", "Hoffmann", "Kovalenko", "Weber", "Demirci", "Fischer", "Petrenko", "Wagner", "Arslan", "Krämer",
        "Haddad", "Schäfer", "Öztürk", "Lang", "Nowak", "Bauer", "Rahimi", "Zimmermann", "Morina", "Klein", "Schmitt", "Horváth",
        "Braun", "Çelik", "Roth", "Jovanović", "Keller", "Hosseini", "Günther",
    ];

    /// <summary>Invented Träger: employers of school social workers, and the only affiliation of those without a school.</summary>
    private static readonly string[] Traeger =
    [
        "Jugendhilfeverbund Mümlingtal e. V.", "Odenwälder Familienzentrum gGmbH", "Verein für Schulsozialarbeit im Odenwald e. V.",
        "Kinder- und Jugendwerk Gersprenz e. V.",
    ];

    private static readonly string[] Freitexte =
    [
        "Sehr praxisnah, die Fallbeispiele aus dem Odenwald haben geholfen.",
        "Ich hätte mir mehr Zeit für den Austausch in Kleingruppen gewünscht.",
        "Die Methoden nehme ich direkt mit in meine Arbeit an der Schule.",
        "Gute Mischung aus Input und Übungen. Der Raum war leider zu klein.",
        "Endlich konkrete Beschwerdewege, die ich Schülerinnen und Schülern nennen kann.",
        "Etwas viel Stoff für einen Tag, aber sehr gut vorbereitet.",
        "Die Referentin ist auf alle Fragen eingegangen – danke!",
        "Bitte eine Fortsetzung mit Schwerpunkt Elterngespräche anbieten.",
    ];

    private static readonly int[] Noten = [5, 5, 5, 4, 4, 4, 4, 3, 3, 2];

    private sealed class Termin
    {
        public string Id { get; init; } = "";
        public string Kurs { get; init; } = "";
        public string Status { get; init; } = "";
        public long Kapazitaet { get; init; }
        public long MaxWarteliste { get; init; }
        public string Anmeldeschluss { get; init; } = "";
        public string? Trainerin { get; init; }
    }

    private sealed record Zeit(string Id, string TerminId, string Beginn, string Ende);

    private sealed record Person(string Id, string Vorname, string Nachname, string Email, string? Arbeitgeber, string? SchuleId);

    public async Task<DemoTeilnahmen> Handle(CreateDemoTeilnahmen request, CancellationToken cancellationToken)
    {
        var tx = database.Transaction;
        var ids = new DemoIds(2026_13);
        if (await tx.Connection.ExecuteScalarAsync<long>("SELECT count(*) FROM teilnehmende WHERE id = @id", new { id = ids.Erste }, tx.Sql) > 0)
        {
            return new DemoTeilnahmen([]);
        }

        var termine = (await tx.Connection.QueryAsync<Termin>(
            """
            SELECT t.id AS Id, k.titel AS Kurs, t.status AS Status, t.kapazitaet AS Kapazitaet, t.max_warteliste AS MaxWarteliste, t.anmeldeschluss AS Anmeldeschluss,
                   (SELECT tr.benutzername FROM termin_trainer tt JOIN trainer tr ON tr.id = tt.trainer_id
                    WHERE tt.termin_id = t.id AND tr.benutzername IS NOT NULL) AS Trainerin
            FROM termine t JOIN kurse k ON k.id = t.kurs_id
            WHERE k.titel IN @titel
            ORDER BY t.beginnt_am
            """,
            new { titel = CreateDemoDatenHandler.SchaufensterTitel }, tx.Sql)).ToList();
        if (termine.Count == 0)
        {
            return new DemoTeilnahmen([]);
        }

        var zeiten = (await tx.Connection.QueryAsync<Zeit>(
            "SELECT id AS Id, termin_id AS TerminId, beginn AS Beginn, ende AS Ende FROM termin_zeiten WHERE termin_id IN @ids ORDER BY beginn",
            new { ids = termine.Select(t => t.Id) }, tx.Sql)).ToLookup(z => z.TerminId);
        var personen = await PersonenAsync(tx, ids);
        var schreiber = new Schreiber(tx, ids, clock, personen);

        var gehalten = termine.Where(t => t.Status is "durchgefuehrt" or "ausgewertet").ToList();
        var offen = termine.Where(t => t.Status is "offen" or "ausgebucht").ToList();
        var zufall = new Random(2026_14);
        // One held session was full, with people left on its waiting list; the latest one has few feedback answers yet.
        var vollGewesen = gehalten.Where(t => t.MaxWarteliste > 0).Skip(1).FirstOrDefault();
        foreach (var (termin, index) in gehalten.Select((t, i) => (t, i)))
        {
            var voll = termin == vollGewesen;
            var plaetze = voll ? (int)termin.Kapazitaet : (int)termin.Kapazitaet * 3 / 4;
            var tage = zeiten[termin.Id].ToList();
            var sitze = await schreiber.SitzeAsync(termin, tage, plaetze, ErsterTag(tage).AddDays(-21));
            await schreiber.WartendeAsync(termin, voll ? Math.Min(3, (int)termin.MaxWarteliste) : 0, ErsterTag(tage).AddDays(-12));
            await schreiber.AbgemeldeteAsync(termin, 2, ErsterTag(tage).AddDays(-25));
            await AnwesenheitAsync(tx, termin, tage, sitze);
            if (termin.Status == "ausgewertet")
            {
                await BescheinigungenAsync(tx, termin, tage, sitze);
            }

            await FeedbackAsync(tx, termin, LetzterTag(tage), sitze, latest: index == gehalten.Count - 1, zufall);
        }

        var nichtVoll = new List<Termin>();
        var ausgebucht = offen.FirstOrDefault(t => t.MaxWarteliste > 0);
        foreach (var termin in offen)
        {
            var tage = zeiten[termin.Id].ToList();
            var voll = termin == ausgebucht;
            if (!voll)
            {
                nichtVoll.Add(termin);
            }

            await schreiber.SitzeAsync(termin, tage, voll ? (int)termin.Kapazitaet : (int)termin.Kapazitaet / 2 + 2, ErsterTag(tage).AddDays(-30));
            await schreiber.WartendeAsync(termin, voll ? Math.Min(5, (int)termin.MaxWarteliste) : 0, ErsterTag(tage).AddDays(-20));
            await schreiber.AbgemeldeteAsync(termin, 1, ErsterTag(tage).AddDays(-35));
        }

        // The cancelled session: too few had registered (its reason), and they keep their registration as the record of it.
        foreach (var termin in termine.Where(t => t.Status == "abgesagt"))
        {
            var tage = zeiten[termin.Id].ToList();
            await schreiber.SitzeAsync(termin, tage, 4, ErsterTag(tage).AddDays(-30));
        }

        var angefragt = nichtVoll.LastOrDefault(t => GermanFormat.ParseStoredDay(t.Anmeldeschluss) >= clock.Today);
        return new DemoTeilnahmen(Angefragt(angefragt), angefragt?.Kurs ?? "");
    }

    /// <summary>Everyone of the set, two in three at a school of the Kreis (spread over its municipalities), many employed by a Träger, some at a Träger only.</summary>
    private static async Task<List<Person>> PersonenAsync(ModuleTransaction tx, DemoIds ids)
    {
        var schulen = (await tx.Connection.QueryAsync<string>("SELECT id FROM schulen ORDER BY kommune_ags, name", transaction: tx.Sql)).ToList();
        var personen = new List<Person>();
        for (var p = 0; p < Personen; p++)
        {
            var vorname = Vornamen[p % Vornamen.Length];
            var nachname = Nachnamen[(p * 7 + p / Vornamen.Length) % Nachnamen.Length];
            var ohneSchule = p % 3 == 2 || schulen.Count == 0;
            var arbeitgeber = ohneSchule || p % 4 == 0 ? Traeger[p % Traeger.Length] : null;
            var domain = ohneSchule ? "traeger.example.invalid" : "schule.example.invalid";
            personen.Add(new Person(
                ids.Naechste(), vorname, nachname, $"{Ascii(vorname)}.{Ascii(nachname)}@{domain}", arbeitgeber,
                ohneSchule ? null : schulen[p % schulen.Count]));
        }

        return personen;
    }

    private static DateOnly ErsterTag(List<Zeit> tage) => DateOnly.FromDateTime(TeilnahmeRegeln.Zeitpunkt(tage[0].Beginn));

    private static DateOnly LetzterTag(List<Zeit> tage) => DateOnly.FromDateTime(TeilnahmeRegeln.Zeitpunkt(tage[^1].Ende));

    /// <summary>
    /// Who was there on which day: every ninth did not come at all, in a session of several days every seventh only on the
    /// first; the registration's state follows from it as when a trainer records it.
    /// </summary>
    private static async Task AnwesenheitAsync(ModuleTransaction tx, Termin termin, List<Zeit> tage, List<Sitz> sitze)
    {
        var von = termin.Trainerin ?? "fachkraft";
        foreach (var sitz in sitze)
        {
            var anwesend = tage.Select((_, tag) => sitz.Nummer % 9 != 4 && (tag == 0 || tage.Count == 1 || sitz.Nummer % 7 != 2)).ToList();
            sitz.Teiltermine = tage.Select((z, tag) => new Teiltermin(TeilnahmeRegeln.Minuten(z.Beginn, z.Ende), anwesend[tag])).ToList();
            await tx.Connection.ExecuteAsync(
                "INSERT INTO anwesenheit (anmeldung_id, zeit_id, anwesend, erfasst_am, erfasst_von) VALUES (@anmeldung, @zeit, @anwesend, @am, @von)",
                tage.Select((z, tag) => new { anmeldung = sitz.AnmeldungId, zeit = z.Id, anwesend = anwesend[tag] ? 1 : 0, am = z.Ende, von }), tx.Sql);
            await tx.Connection.ExecuteAsync(
                "UPDATE anmeldungen SET status = @status WHERE id = @id",
                new { status = TeilnahmeRegeln.Status(sitz.Teiltermine), id = sitz.AnmeldungId }, tx.Sql);
        }
    }

    /// <summary>Certificates for who attended enough, three days after the session, with the module's own codes and initials.</summary>
    private async Task BescheinigungenAsync(ModuleTransaction tx, Termin termin, List<Zeit> tage, List<Sitz> sitze)
    {
        var ausgestellt = GermanFormat.StoredInstant(clock.ToUtc(LetzterTag(tage).AddDays(3), new TimeOnly(10, 0)));
        foreach (var sitz in sitze.Where(s => TeilnahmeRegeln.BescheinigungMoeglich(s.Teiltermine, settings.MindestAnteil)))
        {
            await tx.Connection.ExecuteAsync(
                "INSERT INTO bescheinigungen (id, code, anmeldung_id, termin_id, initialen, ausgestellt_am) VALUES (@id, @code, @anmeldung, @termin, @initialen, @ausgestellt)",
                new
                {
                    id = Guid.CreateVersion7().ToString(), code = BescheinigungsCode.Neu(), anmeldung = sitz.AnmeldungId, termin = termin.Id,
                    initialen = BescheinigungsRegeln.Initialen(sitz.Person.Vorname, sitz.Person.Nachname), ausgestellt,
                },
                tx.Sql);
        }
    }

    /// <summary>
    /// One invitation per attendee the day after the session (its link exists nowhere: nobody answers a demo invitation);
    /// two in three answered, in the latest session only three, so that its results stay hidden.
    /// </summary>
    private async Task FeedbackAsync(ModuleTransaction tx, Termin termin, DateOnly letzterTag, List<Sitz> sitze, bool latest, Random zufall)
    {
        var teilgenommen = sitze.Count(s => TeilnahmeRegeln.Status(s.Teiltermine) is "teilweise" or "vollstaendig");
        var erstellt = clock.ToUtc(letzterTag.AddDays(1), new TimeOnly(9, 0));
        if (teilgenommen == 0 || erstellt > clock.UtcNow)
        {
            return;
        }

        var antworten = latest ? Math.Min(3, teilgenommen) : Math.Min(teilgenommen, Math.Max(FeedbackRegeln.MindestAntworten, teilgenommen * 2 / 3));
        for (var n = 0; n < teilgenommen; n++)
        {
            var verwendet = n < antworten ? Min(letzterTag.AddDays(1 + n % 5), clock.Today) : (DateOnly?)null;
            await tx.Connection.ExecuteAsync(
                "INSERT INTO feedback_einladungen (id, termin_id, token_hash, erstellt_am, gueltig_bis, verwendet_am) VALUES (@id, @termin, @hash, @erstellt, @gueltigBis, @verwendet)",
                new
                {
                    id = Guid.NewGuid().ToString(), termin = termin.Id, hash = FeedbackLink.Hash(FeedbackLink.Neu()),
                    erstellt = GermanFormat.StoredInstant(erstellt), gueltigBis = GermanFormat.StoredInstant(erstellt.AddDays(FeedbackRegeln.LinkGueltigTage)),
                    verwendet = verwendet is { } tag ? GermanFormat.StoredDay(tag) : null,
                },
                tx.Sql);
        }

        for (var n = 0; n < antworten; n++)
        {
            await tx.Connection.ExecuteAsync(
                """
                INSERT INTO feedback_antworten (id, termin_id, gesamt, inhalte, praxisnutzen, methoden, organisation, freitext)
                VALUES (@id, @termin, @gesamt, @inhalte, @praxisnutzen, @methoden, @organisation, @freitext)
                """,
                new
                {
                    id = Guid.NewGuid().ToString(), termin = termin.Id, gesamt = Note(zufall), inhalte = Note(zufall, auslassbar: true),
                    praxisnutzen = Note(zufall, auslassbar: true), methoden = Note(zufall, auslassbar: true), organisation = Note(zufall, auslassbar: true),
                    freitext = zufall.Next(2) == 0 ? Freitexte[zufall.Next(Freitexte.Length)] : null,
                },
                tx.Sql);
        }
    }

    /// <summary>Three people who filled in the public form of the last open session and have not opened their mailed link yet.</summary>
    private IReadOnlyList<OeffentlicheAnmeldung> Angefragt(Termin? termin)
    {
        if (termin is null)
        {
            return [];
        }

        return
        [
            new(Guid.Parse(termin.Id), new AnmeldungEingabe("Berit", "Sandmann", "berit.sandmann@traeger.example.invalid", [], Traeger[1]), clock.UtcNow.AddHours(-5)),
            new(Guid.Parse(termin.Id), new AnmeldungEingabe("Kemal", "Aydın", "kemal.aydin@schule.example.invalid", [], null), clock.UtcNow.AddHours(-3)),
            new(Guid.Parse(termin.Id), new AnmeldungEingabe("Iryna", "Bondar", "iryna.bondar@schule.example.invalid", [], Traeger[2]), clock.UtcNow.AddHours(-1)),
        ];
    }

    private static int? Note(Random zufall, bool auslassbar = false)
        => auslassbar && zufall.Next(10) == 0 ? null : Noten[zufall.Next(Noten.Length)];

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static string Ascii(string name)
        => string.Concat(name.ToLowerInvariant().Select(c => c switch
        {
            'ä' => "ae", 'ö' => "oe", 'ü' => "ue", 'ß' => "ss", 'á' => "a", 'ç' => "c", 'ć' => "c", 'ı' => "i",
            _ => c.ToString(CultureInfo.InvariantCulture),
        }));

    /// <summary>A seat in a session: its registration, its person and, once recorded, the person's days.</summary>
    private sealed class Sitz(string anmeldungId, int nummer, Person person)
    {
        public string AnmeldungId { get; } = anmeldungId;

        public int Nummer { get; } = nummer;

        public Person Person { get; } = person;

        public IReadOnlyList<Teiltermin> Teiltermine { get; set; } = [];
    }

    /// <summary>
    /// Writes registrations for the people in turn, so that everyone of the set takes part somewhere and nobody twice in a
    /// session; a person's record and schools are written at her first registration.
    /// </summary>
    private sealed class Schreiber(ModuleTransaction tx, DemoIds ids, ILocalClock clock, List<Person> personen)
    {
        private readonly HashSet<string> _angelegt = [];
        private int _naechste;

        public async Task<List<Sitz>> SitzeAsync(Termin termin, List<Zeit> tage, int anzahl, DateOnly ab)
        {
            var sitze = new List<Sitz>();
            for (var n = 0; n < anzahl; n++)
            {
                var person = NaechstePerson();
                var id = await AnmeldungAsync(termin, person, "angemeldet", null, ab.AddDays(n % 9), n);
                sitze.Add(new Sitz(id, n, person));
            }

            return sitze;
        }

        public async Task WartendeAsync(Termin termin, int anzahl, DateOnly ab)
        {
            for (var n = 0; n < anzahl; n++)
            {
                await AnmeldungAsync(termin, NaechstePerson(), "warteliste", n + 1, ab.AddDays(n), n);
            }
        }

        /// <summary>Registrations cancelled a few days after they were made (written so, since a full session takes no seat for them now).</summary>
        public async Task AbgemeldeteAsync(Termin termin, int anzahl, DateOnly ab)
        {
            for (var n = 0; n < anzahl; n++)
            {
                var id = await AnmeldungAsync(termin, NaechstePerson(), "abgemeldet", null, ab.AddDays(n), n);
                var abgemeldet = Frueher(ab.AddDays(n + 6), 14 + n);
                await tx.Connection.ExecuteAsync("UPDATE anmeldungen SET abgemeldet_am = @abgemeldet, geaendert_am = @abgemeldet WHERE id = @id", new { id, abgemeldet }, tx.Sql);
            }
        }

        private async Task<string> AnmeldungAsync(Termin termin, Person person, string status, int? warteposition, DateOnly tag, int n)
        {
            var id = ids.Naechste();
            var bestaetigt = Frueher(tag, 8 + n % 10);
            await PersonAsync(person, bestaetigt);
            await tx.Connection.ExecuteAsync(
                """
                INSERT INTO anmeldungen (id, termin_id, teilnehmende_id, status, angefragt_am, bestaetigt_am, warteposition, geaendert_am)
                VALUES (@id, @termin, @person, @status, @bestaetigt, @bestaetigt, @warteposition, @bestaetigt)
                """,
                new { id, termin = termin.Id, person = person.Id, status, bestaetigt, warteposition }, tx.Sql);
            return id;
        }

        private Person NaechstePerson() => personen[_naechste++ % personen.Count];

        /// <summary>The person's record and school, written at her first registration.</summary>
        private async Task PersonAsync(Person person, string angelegt)
        {
            if (!_angelegt.Add(person.Id))
            {
                return;
            }

            await tx.Connection.ExecuteAsync(
                "INSERT INTO teilnehmende (id, vorname, nachname, email, arbeitgeber, angelegt_am) VALUES (@Id, @Vorname, @Nachname, @Email, @Arbeitgeber, @angelegt)",
                new { person.Id, person.Vorname, person.Nachname, person.Email, person.Arbeitgeber, angelegt }, tx.Sql);
            if (person.SchuleId is { } schule)
            {
                await tx.Connection.ExecuteAsync("INSERT INTO teilnehmende_schulen (teilnehmende_id, schule_id) VALUES (@id, @schule)", new { id = person.Id, schule }, tx.Sql);
            }
        }

        /// <summary>An instant on that local day at the given hour, never later than now (a registration to a session ahead happened already).</summary>
        private string Frueher(DateOnly tag, int stunde)
        {
            var zeitpunkt = clock.ToUtc(tag, new TimeOnly(stunde % 24, 0));
            return GermanFormat.StoredInstant(zeitpunkt < clock.UtcNow ? zeitpunkt : clock.UtcNow.AddMinutes(-(stunde + 1) * 7));
        }
    }
}
