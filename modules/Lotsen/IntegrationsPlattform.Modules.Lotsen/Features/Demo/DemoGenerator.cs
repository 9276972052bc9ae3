using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Modules.Lotsen.Domain;
using System.Globalization;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Demo;

/// <summary>
/// Invents believable data for the Lotsen programme of a Kreis: Träger candidates, Lotsen with their
/// languages, topics, availability, training and consent, and requests of the last 14 months with case
/// logs and assignments. Deterministic for a seed (ids included), dates relative to today. Pseudonyms
/// of people seeking advice are initials only, never names.
/// </summary>
internal sealed class DemoGenerator
{
    public const int SchaufensterSaat = 20260101;
    public const int BenchmarkSaat = 20260202;
    public const int BenchmarkLotsen = 5000;
    public const int BenchmarkAnfragen = 100_000;

    private const string Fachkraft = "Demo-Fachkraft";
    private const string FachkraftKonto = "fachkraft";
    private const int Monate = 14;

    private readonly Random _zufall;
    private readonly DemoIds _ids;
    private readonly DeploymentInfo _deployment;
    private readonly LotsenSettings _settings;
    private readonly DateOnly _heute;
    private readonly ILocalClock _uhr;
    private readonly DateTimeOffset _jetzt;
    private readonly string[] _kommunenGewichtet;
    private readonly string[] _themen;
    private readonly List<DemoLotseInfo> _lotsen = [];
    private readonly Dictionary<string, List<DemoLotseInfo>> _nachSprache = new(StringComparer.Ordinal);

    public DemoGenerator(int saat, DeploymentInfo deployment, LotsenSettings settings, DateOnly heute, ILocalClock uhr)
    {
        _zufall = new Random(saat);
        _ids = new DemoIds(saat);
        ErsteId = new DemoIds(saat).Neu();
        _deployment = deployment;
        _settings = settings;
        _heute = heute;
        _uhr = uhr;
        _jetzt = uhr.UtcNow;
        _kommunenGewichtet = deployment.Municipalities
            .SelectMany(m => Enumerable.Repeat(m.Ags, DemoKataloge.Einwohnergewicht(m.Name)))
            .ToArray();
        _themen = settings.Themen.Keys
            .SelectMany(t => Enumerable.Repeat(t, DemoKataloge.ThemenGewicht.GetValueOrDefault(t, 8)))
            .ToArray();
    }

    /// <summary>The first id this generator hands out: present in the database means the set exists.</summary>
    public string ErsteId { get; }

    /// <summary>The set that fills every page: Träger candidates, about 40 Lotsen, about 120 requests.</summary>
    public DemoPlan Schaufenster()
    {
        var plan = new DemoPlan();
        var vereinbarung = VereinbarungKommunen();
        var traegerId = TraegerAnlegen(plan, vereinbarung);
        plan.VereinbarungTraegerId = traegerId;

        var lotsin = LotsinAnlegen(plan, vereinbarung, traegerId);
        var statusVerteilung = new (string Status, int Anzahl)[] { ("aktiv", 26), ("pausiert", 3), ("in_schulung", 4), ("interessiert", 3), ("ausgeschieden", 3) };
        foreach (var (status, anzahl) in statusVerteilung)
        {
            for (var i = 0; i < anzahl; i++)
            {
                LotseAnlegen(plan, status, traegerId, ablaufendeEinwilligung: status == "aktiv" && i < 3 || status == "pausiert" && i == 0, telefon: true);
            }
        }

        for (var i = 0; i < 118; i++)
        {
            // A fifth from the last four weeks, so that open and matched requests are there to work on.
            AnfrageAnlegen(plan, _zufall.NextDouble() < 0.2 ? _heute.AddDays(-_zufall.Next(0, 28)) : Angelegt(), bevorzugt: lotsin);
        }

        LotsinTermine(plan, lotsin, vereinbarung);
        return plan;
    }

    /// <summary>The large set for the benchmark: Lotsen and requests over all municipalities, with assignments.</summary>
    public DemoPlan Benchmark(int lotsen, int anfragen, string? traegerId)
    {
        var plan = new DemoPlan();
        for (var i = 0; i < lotsen; i++)
        {
            var r = _zufall.NextDouble();
            var status = r < 0.70 ? "aktiv" : r < 0.76 ? "pausiert" : r < 0.84 ? "in_schulung" : r < 0.92 ? "interessiert" : "ausgeschieden";
            LotseAnlegen(plan, status, traegerId, ablaufendeEinwilligung: _zufall.NextDouble() < 0.03, telefon: false);
        }

        for (var i = 0; i < anfragen; i++)
        {
            AnfrageAnlegen(plan, Angelegt(), bevorzugt: null);
        }

        return plan;
    }

    // --- Träger ----------------------------------------------------------------------------------

    private List<string> VereinbarungKommunen()
    {
        var vorhanden = DemoKonten.VereinbarungKommunen.Where(a => _deployment.FindMunicipality(a) is not null).ToList();
        return vorhanden.Count > 0 ? vorhanden : _deployment.Municipalities.Take(3).Select(m => m.Ags).ToList();
    }

    private string TraegerAnlegen(DemoPlan plan, List<string> vereinbarung)
    {
        var uebrige = _deployment.Municipalities.Select(m => m.Ags).Except(vereinbarung).ToList();

        // 1. The Träger with the agreement: found 14 months ago, signed 11 months ago.
        var id = _ids.Neu();
        var beginn = _heute.AddMonths(-11);
        plan.Traeger.Add(new DemoTraeger(id, "Verein für Integration im Odenwald e. V.", "Karin Lautenschläger", "k.lautenschlaeger@example.org", "06062 95 11 30",
            "vereinbart", Instant(beginn, 11), "Trägt seit Jahren die Hausaufgabenhilfe und das Sprachcafé in Erbach und Michelstadt.", Instant(_heute.AddMonths(-14), 10)));
        foreach (var ags in vereinbarung.Concat(uebrige.Take(1)))
        {
            plan.TraegerKommunen.Add((id, ags));
        }

        TraegerVerlauf(plan, id, [
            (null, "identifiziert", _heute.AddMonths(-14), "aus der Trägerrunde der Ehrenamtsagentur"),
            ("identifiziert", "kontaktiert", _heute.AddMonths(-14).AddDays(9), null),
            ("kontaktiert", "interessiert", _heute.AddMonths(-13), "Vorstand hat Interesse bekundet"),
            ("interessiert", "vereinbart", beginn, "Vereinbarung unterzeichnet"),
        ]);
        Kontakt(plan, id, _heute.AddMonths(-14).AddDays(9), "telefon", "Erstgespräch mit Frau Lautenschläger: Programm vorgestellt, Unterlagen des Landes zugesagt.");
        Kontakt(plan, id, _heute.AddMonths(-13), "treffen", "Vorstellung im Vorstand, Fragen zu Versicherung und Fahrtkosten der Lotsen geklärt.");
        Kontakt(plan, id, _heute.AddMonths(-12).AddDays(5), "email", "Entwurf der Vereinbarung und Förderbedingungen des Landes geschickt.");
        Kontakt(plan, id, beginn, "treffen", "Vereinbarung im Landratsamt unterzeichnet; Koordinationsstelle mit 10 Wochenstunden.");
        Kontakt(plan, id, _heute.AddMonths(-2), "treffen", "Halbjahresgespräch: Nachfrage nach Arabisch und Ukrainisch steigt, zweite Basisqualifizierung geplant.");
        var vereinbarungId = _ids.Neu();
        plan.Vereinbarungen.Add(new DemoVereinbarung(vereinbarungId, id, GermanFormat.StoredDay(beginn),
            "Landesprogramm WIR: Förderung der Koordination der Integrationslotsen (Personal- und Sachkosten), Eigenanteil des Trägers 10 %.", Instant(beginn, 14)));
        foreach (var ags in vereinbarung)
        {
            plan.VereinbarungKommunen.Add((vereinbarungId, ags));
        }

        // 2. A candidate that is interested, for the other part of the Kreis.
        var zweiter = _ids.Neu();
        plan.Traeger.Add(new DemoTraeger(zweiter, "Gersprenztal Miteinander e. V.", "Dr. Thomas Seip", "vorstand@gersprenztal-miteinander.example.org", "06162 80 44 21",
            "interessiert", Instant(_heute.AddDays(-40), 15), "Nachbarschaftshilfe mit Fahrdienst; könnte den Norden des Kreises abdecken.", Instant(_heute.AddMonths(-4), 9)));
        foreach (var ags in uebrige.Skip(1).Take(4))
        {
            plan.TraegerKommunen.Add((zweiter, ags));
        }

        TraegerVerlauf(plan, zweiter, [
            (null, "identifiziert", _heute.AddMonths(-4), "Hinweis der Ehrenamtsagentur"),
            ("identifiziert", "kontaktiert", _heute.AddMonths(-3), null),
            ("kontaktiert", "interessiert", _heute.AddDays(-40), "möchte nach der Mitgliederversammlung entscheiden"),
        ]);
        Kontakt(plan, zweiter, _heute.AddMonths(-3), "email", "Anschreiben mit Programmbeschreibung und Ansprechpartnerin im WIR-Vielfaltszentrum.");
        Kontakt(plan, zweiter, _heute.AddMonths(-2).AddDays(3), "telefon", "Rückfragen zur Förderung; Termin für ein Treffen vereinbart.");
        Kontakt(plan, zweiter, _heute.AddDays(-40), "treffen", "Treffen in Reichelsheim: grundsätzlich interessiert, Mitgliederversammlung im nächsten Quartal.");

        // 3. A candidate that declined.
        var dritter = _ids.Neu();
        plan.Traeger.Add(new DemoTraeger(dritter, "Familienzentrum Oberzent gGmbH", "Anja Kaffenberger", "a.kaffenberger@example.org", null,
            "abgelehnt", Instant(_heute.AddMonths(-6), 11), null, Instant(_heute.AddMonths(-9), 9)));
        foreach (var ags in uebrige.Skip(5).Take(2))
        {
            plan.TraegerKommunen.Add((dritter, ags));
        }

        TraegerVerlauf(plan, dritter, [
            (null, "identifiziert", _heute.AddMonths(-9), null),
            ("identifiziert", "kontaktiert", _heute.AddMonths(-8), null),
            ("kontaktiert", "abgelehnt", _heute.AddMonths(-6), "keine Kapazität für die Koordination neben den eigenen Projekten"),
        ]);
        Kontakt(plan, dritter, _heute.AddMonths(-8), "telefon", "Programm vorgestellt; Rückmeldung nach Teamsitzung zugesagt.");
        Kontakt(plan, dritter, _heute.AddMonths(-6), "brief", "Schriftliche Absage, Interesse an späterer Zusammenarbeit.");
        return id;
    }

    private void TraegerVerlauf(DemoPlan plan, string id, (string? Von, string Nach, DateOnly Am, string? Grund)[] schritte)
    {
        foreach (var (von, nach, am, grund) in schritte)
        {
            plan.TraegerVerlauf.Add(new DemoVerlauf(_ids.Neu(), id, von, nach, Instant(am, 10), FachkraftKonto, grund));
        }
    }

    private void Kontakt(DemoPlan plan, string traegerId, DateOnly datum, string kanal, string notiz)
        => plan.Kontakte.Add(new DemoKontakt(_ids.Neu(), traegerId, GermanFormat.StoredDay(datum), kanal, notiz, Fachkraft, Instant(datum, 16)));

    // --- Lotsen ----------------------------------------------------------------------------------

    private DemoLotseInfo LotsinAnlegen(DemoPlan plan, List<string> vereinbarung, string traegerId)
    {
        var angelegt = _heute.AddMonths(-13);
        var schulung = angelegt.AddDays(20);
        var quali = schulung.AddDays(45);
        var aktiv = quali.AddDays(7);
        var info = new DemoLotseInfo(_ids.Neu(), "Samira Haddad", vereinbarung[0], vereinbarung.Take(2).ToHashSet(), ["ar", "de", "fr"],
            [(2, new TimeOnly(9, 0), new TimeOnly(13, 0)), (4, new TimeOnly(14, 0), new TimeOnly(18, 0)), (6, new TimeOnly(10, 0), new TimeOnly(13, 0))], aktiv, null);
        plan.Lotsen.Add(new DemoLotse(info.Id, "Samira", "Haddad", "s.haddad@example.org", "0151 2345 6789", info.WohnortAgs, "aktiv", "aktiv", Instant(aktiv, 10),
            "traeger", traegerId, DemoKonten.LotsinBenutzer, GermanFormat.StoredDay(angelegt), VersionAm(angelegt),
            GermanFormat.StoredDay(Einwilligung.GueltigBis(angelegt, _settings.EinwilligungGueltigMonate)), Instant(angelegt, 11)));
        plan.LotseSprachen.Add((info.Id, "ar", "muttersprache"));
        plan.LotseSprachen.Add((info.Id, "de", "verhandlungssicher"));
        plan.LotseSprachen.Add((info.Id, "fr", "gut"));
        foreach (var thema in new[] { "behoerden", "schule", "gesundheit", "kita" }.Where(_settings.Themen.ContainsKey))
        {
            plan.LotseThemen.Add((info.Id, thema));
        }

        foreach (var ags in info.Kommunen)
        {
            plan.LotseKommunen.Add((info.Id, ags));
        }

        Fenster(plan, info);
        plan.Qualifikationen.Add(new DemoQualifikation(_ids.Neu(), info.Id, Qualifikationen.Basisqualifizierung, GermanFormat.StoredDay(quali), "Land Hessen / Bildungswerk", Instant(quali, 15)));
        plan.Qualifikationen.Add(new DemoQualifikation(_ids.Neu(), info.Id, "interkulturell", GermanFormat.StoredDay(_heute.AddMonths(-4)), "Volkshochschule Odenwaldkreis", Instant(_heute.AddMonths(-4), 15)));
        plan.LotseVerlauf.Add(new DemoVerlauf(_ids.Neu(), info.Id, null, "interessiert", Instant(angelegt, 11), FachkraftKonto, "Registrierung"));
        plan.LotseVerlauf.Add(new DemoVerlauf(_ids.Neu(), info.Id, "interessiert", "in_schulung", Instant(schulung, 10), FachkraftKonto, "angemeldet zur Basisqualifizierung"));
        plan.LotseVerlauf.Add(new DemoVerlauf(_ids.Neu(), info.Id, "in_schulung", "aktiv", Instant(aktiv, 10), FachkraftKonto, "Basisqualifizierung abgeschlossen"));
        Merken(info);
        return info;
    }

    private void LotseAnlegen(DemoPlan plan, string status, string? traegerId, bool ablaufendeEinwilligung, bool telefon)
    {
        var herkunft = DemoKataloge.Herkunft(_zufall);
        var vorname = Eins(herkunft.Vornamen);
        var nachname = Eins(herkunft.Nachnamen);
        var wohnort = Eins(_kommunenGewichtet);
        var kommunen = new HashSet<string> { wohnort };
        for (var n = _zufall.Next(0, 3); n > 0; n--)
        {
            kommunen.Add(_deployment.Municipalities[_zufall.Next(_deployment.Municipalities.Count)].Ags);
        }

        // Timeline: registration, training, the Land's Basisqualifizierung, active; later paused or left.
        var alterTage = status switch
        {
            "interessiert" => _zufall.Next(3, 60),
            "in_schulung" => _zufall.Next(30, 150),
            _ => _zufall.Next(150, 900),
        };
        var angelegt = _heute.AddDays(-alterTage);
        var einwilligungAm = angelegt;
        if (ablaufendeEinwilligung)
        {
            // Signed almost the validity ago: expires within the reminder window, the detail page shows it.
            einwilligungAm = Einwilligung.GueltigBis(_heute, -_settings.EinwilligungGueltigMonate).AddDays(_zufall.Next(3, Math.Max(4, _settings.EinwilligungErinnerungTage - 2)));
            angelegt = einwilligungAm;
        }
        else if (Einwilligung.GueltigBis(einwilligungAm, _settings.EinwilligungGueltigMonate) <= _heute.AddDays(_settings.EinwilligungErinnerungTage))
        {
            // Renewed since: the current text version, signed in the last year.
            einwilligungAm = _heute.AddDays(-_zufall.Next(20, 360));
        }

        var schulung = angelegt.AddDays(_zufall.Next(10, 30));
        var quali = schulung.AddDays(_zufall.Next(30, 70));
        var aktivVon = quali.AddDays(_zufall.Next(3, 14));
        DateOnly? aktivBis = null;
        var statusSeit = angelegt;
        var verlauf = new List<(string? Von, string Nach, DateOnly Am, string? Grund)> { (null, "interessiert", angelegt, "Registrierung") };
        if (status != "interessiert")
        {
            verlauf.Add(("interessiert", "in_schulung", schulung, "angemeldet zur Basisqualifizierung"));
            statusSeit = schulung;
        }

        var warAktiv = status is "aktiv" or "pausiert" or "ausgeschieden" && aktivVon < _heute;
        if (warAktiv)
        {
            verlauf.Add(("in_schulung", "aktiv", aktivVon, "Basisqualifizierung abgeschlossen"));
            statusSeit = aktivVon;
            if (status != "aktiv")
            {
                var ende = aktivVon.AddDays(_zufall.Next(30, Math.Max(31, _heute.DayNumber - aktivVon.DayNumber)));
                if (ende >= _heute)
                {
                    ende = _heute.AddDays(-_zufall.Next(1, 20));
                }

                aktivBis = ende > aktivVon ? ende : aktivVon.AddDays(1);
                verlauf.Add(("aktiv", status, aktivBis.Value, Eins(status == "pausiert" ? DemoKataloge.PauseGruende : DemoKataloge.AustrittGruende)));
                statusSeit = aktivBis.Value;
            }
        }
        else if (status is "aktiv" or "pausiert" or "ausgeschieden")
        {
            status = "in_schulung";
        }

        var id = _ids.Neu();
        var info = new DemoLotseInfo(id, $"{vorname} {nachname}", wohnort, kommunen, herkunft.Sprachen.Select(s => s.Code).ToArray(), ZufallsFenster(), warAktiv ? aktivVon : null, aktivBis);
        var vermittelt = _zufall.NextDouble() switch { < 0.5 => "ehrenamtsagentur", < 0.75 when traegerId is not null => "traeger", _ => "selbst" };
        var email = _zufall.NextDouble() < 0.9 || ablaufendeEinwilligung ? $"{DemoKataloge.Ascii(vorname)}.{DemoKataloge.Ascii(nachname)}@example.org" : null;
        plan.Lotsen.Add(new DemoLotse(id, vorname, nachname, email, telefon && _zufall.NextDouble() < 0.7 ? $"0{_zufall.Next(151, 179)} {_zufall.Next(1000, 9999)} {_zufall.Next(100, 999)}" : null,
            wohnort, status, warAktiv ? "aktiv" : status, Instant(statusSeit, 10), vermittelt, vermittelt == "traeger" ? traegerId : null, null,
            GermanFormat.StoredDay(einwilligungAm), VersionAm(einwilligungAm),
            GermanFormat.StoredDay(Einwilligung.GueltigBis(einwilligungAm, _settings.EinwilligungGueltigMonate)), Instant(angelegt, 11)));
        foreach (var (code, niveau) in herkunft.Sprachen)
        {
            plan.LotseSprachen.Add((id, code, niveau));
        }

        foreach (var thema in _settings.Themen.Keys.Where(_ => _zufall.NextDouble() < 0.45).DefaultIfEmpty(Eins(_themen)).Distinct())
        {
            plan.LotseThemen.Add((id, thema));
            if (_settings.ThemenQualifikation.TryGetValue(thema, out var kurs) && warAktiv && _zufall.NextDouble() < 0.5)
            {
                var am = aktivVon.AddDays(_zufall.Next(0, Math.Max(1, _heute.DayNumber - aktivVon.DayNumber)));
                plan.Qualifikationen.Add(new DemoQualifikation(_ids.Neu(), id, kurs, GermanFormat.StoredDay(am), Eins(DemoKataloge.Fortbildungsanbieter), Instant(am, 16)));
            }
        }

        foreach (var ags in kommunen)
        {
            plan.LotseKommunen.Add((id, ags));
        }

        Fenster(plan, info);
        if (status != "interessiert" && quali < _heute && (warAktiv || status == "in_schulung" && _zufall.NextDouble() < 0.3))
        {
            plan.Qualifikationen.Add(new DemoQualifikation(_ids.Neu(), id, Qualifikationen.Basisqualifizierung, GermanFormat.StoredDay(quali), Eins(DemoKataloge.Basisanbieter), Instant(quali, 15)));
            if (_zufall.NextDouble() < 0.3)
            {
                var am = quali.AddDays(_zufall.Next(60, 300));
                if (am < _heute)
                {
                    plan.Qualifikationen.Add(new DemoQualifikation(_ids.Neu(), id, _zufall.NextDouble() < 0.5 ? "aufbaukurs" : "interkulturell", GermanFormat.StoredDay(am), Eins(DemoKataloge.Fortbildungsanbieter), Instant(am, 15)));
                }
            }
        }

        foreach (var (von, nach, am, grund) in verlauf)
        {
            plan.LotseVerlauf.Add(new DemoVerlauf(_ids.Neu(), id, von, nach, Instant(am, 10), FachkraftKonto, grund));
        }

        if (warAktiv)
        {
            Merken(info);
        }
    }

    private List<(int Tag, TimeOnly Von, TimeOnly Bis)> ZufallsFenster()
    {
        var fenster = new List<(int, TimeOnly, TimeOnly)>();
        var tage = new HashSet<int>();
        for (var n = _zufall.Next(1, 4); n > 0; n--)
        {
            var tag = _zufall.NextDouble() < 0.9 ? _zufall.Next(1, 6) : 6;
            if (tage.Add(tag))
            {
                var (von, bis) = Eins(DemoKataloge.Zeitfenster);
                fenster.Add((tag, von, bis));
            }
        }

        return fenster;
    }

    private static void Fenster(DemoPlan plan, DemoLotseInfo info)
    {
        foreach (var (tag, von, bis) in info.Fenster)
        {
            plan.LotseFenster.Add((info.Id, tag, von.ToString("HH:mm", CultureInfo.InvariantCulture), bis.ToString("HH:mm", CultureInfo.InvariantCulture)));
        }
    }

    private void Merken(DemoLotseInfo info)
    {
        _lotsen.Add(info);
        foreach (var code in info.Sprachen)
        {
            if (!_nachSprache.TryGetValue(code, out var liste))
            {
                _nachSprache[code] = liste = [];
            }

            liste.Add(info);
        }
    }

    // --- Requests, case logs, assignments ---------------------------------------------------------

    /// <summary>A day of the last 14 months, more recent ones a little more often (the programme grows).</summary>
    private DateOnly Angelegt()
    {
        var spanne = _heute.DayNumber - _heute.AddMonths(-Monate).DayNumber;
        return _heute.AddDays(-(int)(spanne * Math.Pow(_zufall.NextDouble(), 1.15)));
    }

    private void AnfrageAnlegen(DemoPlan plan, DateOnly angelegt, DemoLotseInfo? bevorzugt, string? kommune = null, string? sprache = null, DemoLotseInfo? fest = null, DateOnly? festerTag = null)
    {
        var id = _ids.Neu();
        var ags = kommune ?? Eins(_kommunenGewichtet);
        var thema = fest is not null && _settings.Themen.ContainsKey("behoerden") ? "behoerden" : Eins(_themen);
        var sprachen = new List<string> { sprache ?? DemoKataloge.Anfragesprache(_zufall) };
        if (sprachen[0] is "prs" or "fa" && _zufall.NextDouble() < 0.3)
        {
            sprachen.Add(sprachen[0] == "prs" ? "fa" : "prs");
        }
        else if (sprachen[0] == "kmr" && _zufall.NextDouble() < 0.4)
        {
            sprachen.Add(_zufall.NextDouble() < 0.5 ? "tr" : "ar");
        }

        var datumVon = angelegt.AddDays(_zufall.Next(2, 10));
        var datumBis = datumVon.AddDays(_zufall.Next(6, 21));
        string? uhrVon = null, uhrBis = null;
        if (_zufall.NextDouble() < 0.35)
        {
            (uhrVon, uhrBis) = _zufall.NextDouble() < 0.6 ? ("08:00", "12:00") : ("13:00", "17:00");
        }

        var alter = _heute.DayNumber - angelegt.DayNumber;
        var kennung = DemoKataloge.Kennung(_zufall);
        var kontakt = _zufall.NextDouble() < 0.4 ? Eins(DemoKataloge.Kontaktwege) : null;
        var ziel = DemoKataloge.Ziel(_zufall, thema, _deployment.FindMunicipality(ags)?.Name ?? "");
        var vermittler = DemoKataloge.Vermittler(_zufall, thema);
        var log = new List<(string Art, string? Notiz, DateTimeOffset Am, string Durch)>
        {
            ("angelegt", _zufall.NextDouble() < 0.5 ? Eins(DemoKataloge.AnlageNotizen) : null, Zeit(angelegt, 9, 30), Fachkraft),
        };
        if (_zufall.NextDouble() < 0.6)
        {
            log.Add(("kontaktiert", Eins(DemoKataloge.KontaktNotizen), Zeit(angelegt.AddDays(1), 11, 0), Fachkraft));
        }

        string status;
        string? grund = null;
        string? lotseId = null;
        DateTimeOffset? geschlossen = null;
        var einsaetze = new List<DemoEinsatz>();

        var abbruch = fest is null && _zufall.NextDouble() < 0.07;
        var offenLassen = fest is null && alter <= 21 && _zufall.NextDouble() < 0.45;
        if (abbruch && datumVon <= _heute)
        {
            status = "abgebrochen";
            grund = Eins(DemoKataloge.AbbruchGruende);
            geschlossen = Zeit(angelegt.AddDays(_zufall.Next(1, 6)), 14, 0);
            log.Add(("status", $"offen → abgebrochen: {grund}", geschlossen.Value, Fachkraft));
        }
        else if (offenLassen)
        {
            status = "offen";
        }
        else
        {
            var wahl = fest is not null && festerTag is { } t ? (fest, t) : Waehle(sprachen, ags, datumVon, datumBis, bevorzugt);
            if (wahl is not { } gefunden)
            {
                if (datumBis >= _heute)
                {
                    status = "offen";
                }
                else
                {
                    status = "abgebrochen";
                    grund = "Kein Lotse mit passender Sprache im Zeitraum verfügbar.";
                    geschlossen = Zeit(datumBis.AddDays(1), 10, 0);
                    log.Add(("status", $"offen → abgebrochen: {grund}", geschlossen.Value, Fachkraft));
                }
            }
            else
            {
                var (lotse, tag) = gefunden;
                lotseId = lotse.Id;
                lotse.Belegt.Add(tag.DayNumber);
                var vermitteltAm = Frueher(Zeit(angelegt.AddDays(1), 15, 0), Zeit(tag.AddDays(-1), 18, 0));
                var (beginn, dauer) = Termin(lotse, tag);
                log.Add(("vermittelt", $"{lotse.Name}, Termin {GermanFormat.Day(tag)} {beginn:HH\\:mm} Uhr", vermitteltAm, Fachkraft));
                var km = lotse.WohnortAgs == ags ? Math.Round(_zufall.NextDouble() * 4, 1) : Math.Round(6 + _zufall.NextDouble() * 22, 1);
                var start = _uhr.ToUtc(tag, beginn);
                if (fest is not null || start > _jetzt.AddDays(-_zufall.Next(0, 8)))
                {
                    // Still ahead, or just past and not recorded yet: the Lotse records it.
                    einsaetze.Add(Einsatz(id, lotse.Id, start, dauer, 0, "geplant", null, null, false, vermitteltAm, vermitteltAm));
                    status = "vermittelt";
                }
                else
                {
                    var ergebnis = DemoKataloge.Ergebnis(_zufall);
                    var tatsaechlich = Math.Max(30, dauer + _zufall.Next(-3, 4) * 15);
                    var erfasst = Frueher(start.AddHours(_zufall.Next(4, 48)), _jetzt);
                    einsaetze.Add(Einsatz(id, lotse.Id, start, tatsaechlich, km, "durchgefuehrt", ergebnis, Eins(DemoKataloge.Bemerkungen(ergebnis)), ergebnis == "teilweise", vermitteltAm, erfasst));
                    log.Add(("begleitet", $"{Ergebnisse.Text(ergebnis)}, {tatsaechlich} Minuten", erfasst, lotse.Name));
                    status = "vermittelt";
                    if (ergebnis is "teilweise" or "verschoben" && FolgeTag(lotse, tag.AddDays(7)) is { } folgeTag)
                    {
                        lotse.Belegt.Add(folgeTag.DayNumber);
                        var (folgeBeginn, folgeDauer) = Termin(lotse, folgeTag);
                        var folgeStart = _uhr.ToUtc(folgeTag, folgeBeginn);
                        log.Add(("nachbereitung", $"Folgetermin {GermanFormat.Day(folgeTag)} {folgeBeginn:HH\\:mm} Uhr", Frueher(erfasst.AddMinutes(10), _jetzt), Fachkraft));
                        if (folgeStart > _jetzt)
                        {
                            einsaetze.Add(Einsatz(id, lotse.Id, folgeStart, folgeDauer, 0, "geplant", null, null, false, erfasst, erfasst));
                        }
                        else
                        {
                            var folgeErfasst = Frueher(folgeStart.AddHours(_zufall.Next(4, 30)), _jetzt);
                            einsaetze.Add(Einsatz(id, lotse.Id, folgeStart, folgeDauer, km, "durchgefuehrt", "erledigt", Eins(DemoKataloge.Bemerkungen("erledigt")), false, erfasst, folgeErfasst));
                            log.Add(("begleitet", $"{Ergebnisse.Text("erledigt")}, {folgeDauer} Minuten", folgeErfasst, lotse.Name));
                            ergebnis = "erledigt";
                            erfasst = folgeErfasst;
                        }
                    }

                    if (ergebnis is "erledigt" or "nicht_erschienen" && fest is null)
                    {
                        var schluss = Frueher(erfasst.AddDays(_zufall.Next(1, 5)), _jetzt);
                        if (ergebnis == "erledigt" && (schluss < _jetzt.AddDays(-2) || _zufall.NextDouble() < 0.5))
                        {
                            status = "erledigt";
                            geschlossen = schluss;
                            log.Add(("status", "vermittelt → erledigt", schluss, Fachkraft));
                        }
                        else if (ergebnis == "nicht_erschienen")
                        {
                            status = "abgebrochen";
                            grund = "Ratsuchende nicht erschienen und nicht mehr erreichbar.";
                            geschlossen = schluss;
                            log.Add(("status", $"vermittelt → abgebrochen: {grund}", schluss, Fachkraft));
                        }
                    }
                }
            }
        }

        if (status == "offen" && datumBis < _heute)
        {
            // Still open: the person waits for a date in the coming weeks.
            datumVon = _heute.AddDays(_zufall.Next(1, 8));
            datumBis = datumVon.AddDays(_zufall.Next(6, 21));
        }

        // Closed longer than the retention period: anonymised as the daily job would have done.
        DateTimeOffset? anonymisiert = null;
        if (geschlossen is { } zu && zu.AddMonths(_settings.AufbewahrungMonate) < _jetzt)
        {
            anonymisiert = Frueher(zu.AddMonths(_settings.AufbewahrungMonate).AddDays(1), _jetzt);
            kennung = null;
            kontakt = null;
            ziel = null;
            grund = null;
        }

        plan.Anfragen.Add(new DemoAnfrage(id, kennung, kontakt, thema, ziel, ags, GermanFormat.StoredDay(datumVon), GermanFormat.StoredDay(datumBis), uhrVon, uhrBis, vermittler,
            status, grund, lotseId, Instant(Zeit(angelegt, 9, 30)), geschlossen is { } g ? Instant(g) : null, anonymisiert is { } an ? Instant(an) : null));
        foreach (var code in sprachen)
        {
            plan.AnfrageSprachen.Add((id, code));
        }

        foreach (var (art, notiz, am, durch) in log.OrderBy(l => l.Am))
        {
            plan.Aktivitaeten.Add(new DemoAktivitaet(_ids.Neu(), id, art, anonymisiert is null ? notiz : null, Instant(Frueher(am, _jetzt)), durch));
        }

        foreach (var e in einsaetze)
        {
            plan.Einsaetze.Add(anonymisiert is null ? e : e with { Bemerkung = null });
        }
    }

    /// <summary>A Lotse who speaks one of the languages (preferably serving the municipality), active on a free day with a slot in the window.</summary>
    private (DemoLotseInfo Lotse, DateOnly Tag)? Waehle(IReadOnlyList<string> sprachen, string ags, DateOnly von, DateOnly bis, DemoLotseInfo? bevorzugt)
    {
        if (bevorzugt is not null && sprachen.Any(bevorzugt.Sprachen.Contains) && bevorzugt.Kommunen.Contains(ags) && _zufall.NextDouble() < 0.5
            && FreierTag(bevorzugt, von, bis) is { } tagBevorzugt)
        {
            return (bevorzugt, tagBevorzugt);
        }

        var listen = sprachen.Select(s => _nachSprache.GetValueOrDefault(s)).OfType<List<DemoLotseInfo>>().ToList();
        if (listen.Count == 0)
        {
            return null;
        }

        for (var versuch = 0; versuch < 24; versuch++)
        {
            var kandidaten = listen[_zufall.Next(listen.Count)];
            var lotse = kandidaten[_zufall.Next(kandidaten.Count)];
            if ((versuch >= 12 || lotse.Kommunen.Contains(ags)) && FreierTag(lotse, von, bis) is { } tag)
            {
                return (lotse, tag);
            }
        }

        return null;
    }

    private static DateOnly? FreierTag(DemoLotseInfo lotse, DateOnly von, DateOnly bis)
    {
        for (var tag = von; tag <= bis; tag = tag.AddDays(1))
        {
            if (lotse.IstAktiv(tag) && !lotse.Belegt.Contains(tag.DayNumber) && lotse.Fenster.Any(f => f.Tag == Zeitfenster.ZuIso(tag.DayOfWeek)))
            {
                return tag;
            }
        }

        return null;
    }

    private static DateOnly? FolgeTag(DemoLotseInfo lotse, DateOnly ab) => FreierTag(lotse, ab, ab.AddDays(13));

    /// <summary>Start and duration inside the Lotse's slot of that weekday.</summary>
    private (TimeOnly Beginn, int Dauer) Termin(DemoLotseInfo lotse, DateOnly tag)
    {
        var wochentag = Zeitfenster.ZuIso(tag.DayOfWeek);
        var (_, von, bis) = lotse.Fenster.First(f => f.Tag == wochentag);
        var laenge = (int)(bis - von).TotalMinutes;
        var dauer = Math.Min(laenge, 60 + 30 * _zufall.Next(0, 4));
        var spiel = (laenge - dauer) / 30;
        return (von.AddMinutes(30 * _zufall.Next(0, spiel + 1)), dauer);
    }

    private DemoEinsatz Einsatz(string anfrageId, string lotseId, DateTimeOffset beginn, int dauer, double km, string status, string? ergebnis, string? bemerkung, bool nachbereitung, DateTimeOffset angelegt, DateTimeOffset geaendert)
        => new(_ids.Neu(), anfrageId, lotseId, Instant(beginn), Instant(beginn.AddMinutes(dauer)), dauer, km, status, ergebnis, bemerkung, nachbereitung, Fachkraft,
            Instant(Frueher(angelegt, _jetzt)), Instant(Frueher(geaendert, _jetzt)));

    /// <summary>The demo Lotsin's own list: an assignment next week, one just past waiting to be recorded.</summary>
    private void LotsinTermine(DemoPlan plan, DemoLotseInfo lotsin, List<string> vereinbarung)
    {
        if (FreierTag(lotsin, _heute.AddDays(2), _heute.AddDays(16)) is { } naechster)
        {
            AnfrageAnlegen(plan, _heute.AddDays(-3), null, vereinbarung[0], "ar", lotsin, naechster);
        }

        if (FreierTag(lotsin, _heute.AddDays(-6), _heute.AddDays(-1)) is { } letzter)
        {
            AnfrageAnlegen(plan, letzter.AddDays(-8), null, vereinbarung[^1], "ar", lotsin, letzter);
        }
    }

    // --- helpers ---------------------------------------------------------------------------------

    private T Eins<T>(IReadOnlyList<T> liste) => liste[_zufall.Next(liste.Count)];

    private string VersionAm(DateOnly am) => am.Year < 2026 ? "2024-03" : _settings.EinwilligungVersion;

    private DateTimeOffset Zeit(DateOnly tag, int stunde, int minute) => _uhr.ToUtc(tag, new TimeOnly(stunde, minute).AddMinutes(_zufall.Next(0, 90)));

    private string Instant(DateOnly tag, int stunde) => Instant(Frueher(_uhr.ToUtc(tag, new TimeOnly(stunde, 0)), _jetzt));

    private static string Instant(DateTimeOffset zeit) => GermanFormat.StoredInstant(zeit);

    private static DateTimeOffset Frueher(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}

/// <summary>What the generator remembers of a Lotse who was active: for choosing who accompanies a request.</summary>
internal sealed class DemoLotseInfo(string id, string name, string wohnortAgs, HashSet<string> kommunen, string[] sprachen, List<(int Tag, TimeOnly Von, TimeOnly Bis)> fenster, DateOnly? aktivVon, DateOnly? aktivBis)
{
    public string Id { get; } = id;
    public string Name { get; } = name;
    public string WohnortAgs { get; } = wohnortAgs;
    public HashSet<string> Kommunen { get; } = kommunen;
    public string[] Sprachen { get; } = sprachen;
    public List<(int Tag, TimeOnly Von, TimeOnly Bis)> Fenster { get; } = fenster;

    /// <summary>Days (DayNumber) with an assignment already: one per day keeps assignments from overlapping.</summary>
    public HashSet<int> Belegt { get; } = [];

    public bool IstAktiv(DateOnly tag) => aktivVon is { } von && von <= tag && (aktivBis is null || tag < aktivBis);
}

/// <summary>UUIDv7-shaped ids from a seeded generator: the same seed gives the same ids.</summary>
internal sealed class DemoIds(int saat)
{
    private static readonly long Basis = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
    private readonly Random _zufall = new(saat ^ 0x5eed);
    private long _zaehler;

    public string Neu()
    {
        Span<byte> b = stackalloc byte[16];
        _zufall.NextBytes(b);
        var ms = Basis + _zaehler++;
        for (var i = 0; i < 6; i++)
        {
            b[i] = (byte)(ms >> (8 * (5 - i)));
        }

        b[6] = (byte)(0x70 | (b[6] & 0x0F));
        b[8] = (byte)(0x80 | (b[8] & 0x3F));
        return new Guid(b, bigEndian: true).ToString();
    }
}
