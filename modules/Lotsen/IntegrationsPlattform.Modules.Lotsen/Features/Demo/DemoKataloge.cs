using System.Globalization;
using System.Text;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Demo;

/// <summary>
/// The invented material of the demo data: names and languages of the Lotsen (many have a migration
/// history themselves), the languages requests arrive in, destinations per topic, notes. No real person.
/// </summary>
internal static class DemoKataloge
{
    public sealed record Gruppe(int Gewicht, string[] Vornamen, string[] Nachnamen, Func<Random, (string Code, string Niveau)[]> Sprachen);

    private static readonly Gruppe[] Gruppen =
    [
        new(30, ["Sabine", "Thomas", "Petra", "Michael", "Andrea", "Jürgen", "Claudia", "Stefan", "Monika", "Klaus", "Anna", "Lukas", "Julia", "Heike", "Bernd", "Ursula", "Markus", "Katrin"],
            ["Schäfer", "Müller", "Weber", "Hofmann", "Schneider", "Fischer", "Wagner", "Krämer", "Lautenschläger", "Kaffenberger", "Trumpfheller", "Seip", "Daum", "Schwinn", "Hartmann", "Bauer"],
            r => Mit([("de", "muttersprache"), ("en", r.NextDouble() < 0.5 ? "verhandlungssicher" : "gut")], r, (0.3, ("fr", "gut")), (0.08, ("ru", "grundkenntnisse")), (0.08, ("es", "gut")))),
        new(14, ["Rania", "Yousef", "Samir", "Omar", "Huda", "Khaled", "Lina", "Mahmoud", "Nour", "Ahmad", "Amal", "Bassam"],
            ["Haddad", "Al-Khatib", "Nasser", "Saleh", "Darwish", "Mansour", "Hamdan", "Aziz", "Kassem", "Othman"],
            r => Mit([("ar", "muttersprache"), ("de", r.NextDouble() < 0.6 ? "verhandlungssicher" : "gut")], r, (0.35, ("en", "gut")), (0.2, ("fr", "gut")))),
        new(10, ["Olena", "Iryna", "Oksana", "Andrij", "Natalija", "Taras", "Switlana", "Mykola"],
            ["Kowalenko", "Schewtschenko", "Bondarenko", "Melnyk", "Tkatschenko", "Krawtschuk", "Lysenko"],
            r => Mit([("uk", "muttersprache"), ("ru", "verhandlungssicher"), ("de", r.NextDouble() < 0.5 ? "gut" : "verhandlungssicher")], r, (0.3, ("en", "gut")))),
        new(9, ["Ayşe", "Mehmet", "Elif", "Hakan", "Zeynep", "Murat", "Emine", "Deniz"],
            ["Yılmaz", "Demir", "Kaya", "Şahin", "Çelik", "Aydın", "Öztürk", "Arslan"],
            r => Mit([("tr", "muttersprache"), ("de", "muttersprache")], r, (0.3, ("kmr", "gut")), (0.3, ("en", "gut")))),
        new(5, ["Maryam", "Farid", "Zahra", "Reza", "Parisa", "Hamid"],
            ["Ahmadi", "Rahimi", "Karimi", "Hosseini", "Sadeghi", "Mohammadi"],
            r => Mit([("fa", "muttersprache"), ("de", "verhandlungssicher")], r, (0.5, ("en", "verhandlungssicher")), (0.3, ("prs", "verhandlungssicher")))),
        new(5, ["Shirin", "Nasrin", "Habib", "Mariam", "Sayed", "Fatima"],
            ["Haidari", "Sultani", "Naseri", "Jawadi", "Amiri"],
            r => Mit([("prs", "muttersprache"), ("fa", "verhandlungssicher"), ("de", "gut")], r, (0.3, ("ps", "gut")), (0.2, ("en", "gut")))),
        new(4, ["Gul", "Wahid", "Malalai", "Nazia", "Farhad"],
            ["Sherzad", "Popal", "Stanikzai", "Wardak", "Safi"],
            r => Mit([("ps", "muttersprache"), ("prs", "verhandlungssicher"), ("de", "gut")], r, (0.3, ("ur", "gut")))),
        new(4, ["Senait", "Yonas", "Helen", "Abraham", "Selam", "Daniel"],
            ["Tesfay", "Gebremedhin", "Haile", "Berhane", "Kidane"],
            r => Mit([("ti", "muttersprache"), ("de", "gut")], r, (0.4, ("am", "gut")), (0.3, ("ar", "grundkenntnisse")), (0.3, ("en", "gut")))),
        new(5, ["Berivan", "Rojda", "Dilan", "Azad", "Hêvî", "Serhat"],
            ["Xelîl", "Ali", "Ibrahim", "Hesen", "Osman"],
            r => Mit([("kmr", "muttersprache"), (r.NextDouble() < 0.5 ? "ar" : "tr", "verhandlungssicher"), ("de", "gut")], r)),
        new(7, ["Irina", "Sergej", "Natalja", "Viktor", "Jelena", "Alexander", "Olga", "Waldemar"],
            ["Wolkow", "Schmidt", "Iwanowa", "Petrow", "Hein", "Dietz", "Kusnezow"],
            r => Mit([("ru", "muttersprache"), ("de", r.NextDouble() < 0.5 ? "muttersprache" : "verhandlungssicher")], r, (0.2, ("uk", "gut")))),
        new(2, ["Hodan", "Abdi", "Fadumo", "Ahmed", "Sahra"],
            ["Warsame", "Mohamed", "Hassan", "Farah"],
            r => Mit([("so", "muttersprache"), ("de", "gut"), ("en", "gut")], r, (0.4, ("ar", "gut")))),
        new(3, ["Aminata", "Moussa", "Fatou", "Ibrahima", "Awa"],
            ["Diallo", "Traoré", "Camara", "Kouassi", "Ndiaye"],
            r => Mit([("fr", "muttersprache"), ("de", "gut")], r, (0.5, ("en", "gut")), (0.3, ("wo", "muttersprache")))),
        new(2, ["Grace", "Emmanuel", "Blessing", "Kwame"],
            ["Okafor", "Mensah", "Adeyemi", "Boateng"],
            r => Mit([("en", "muttersprache"), ("de", "gut")], r, (0.3, ("yo", "muttersprache")))),
    ];

    private static readonly int GruppenSumme = Gruppen.Sum(g => g.Gewicht);

    private static readonly (string Code, int Gewicht)[] AnfrageSprachen =
    [
        ("ar", 20), ("uk", 14), ("tr", 9), ("prs", 8), ("fa", 6), ("ps", 5), ("ti", 6), ("kmr", 6), ("ru", 7),
        ("en", 4), ("fr", 4), ("so", 3), ("sq", 2), ("ro", 2), ("bg", 2),
    ];

    private static readonly int AnfrageSprachenSumme = AnfrageSprachen.Sum(s => s.Gewicht);

    public static readonly IReadOnlyDictionary<string, int> ThemenGewicht = new Dictionary<string, int>
    {
        ["behoerden"] = 30, ["schule"] = 14, ["kita"] = 10, ["gesundheit"] = 16, ["arbeit"] = 12, ["wohnen"] = 10, ["freizeit"] = 8,
    };

    private static readonly Dictionary<string, int> Einwohner = new(StringComparer.Ordinal)
    {
        ["Michelstadt"] = 16, ["Erbach"] = 14, ["Höchst i. Odw."] = 10, ["Bad König"] = 10, ["Oberzent"] = 10, ["Reichelsheim (Odenwald)"] = 9,
        ["Breuberg"] = 7, ["Lützelbach"] = 7, ["Brensbach"] = 5, ["Brombachtal"] = 4, ["Fränkisch-Crumbach"] = 3, ["Mossautal"] = 3,
    };

    public static readonly string[] PauseGruende = ["Elternzeit", "längerer Auslandsaufenthalt", "berufliche Belastung, Pause bis zum Herbst", "Krankheit"];
    public static readonly string[] AustrittGruende = ["Umzug aus dem Kreis", "keine Zeit mehr neben Beruf und Familie", "neue Arbeitsstelle im Schichtdienst"];
    public static readonly string[] Basisanbieter = ["Land Hessen / Bildungswerk", "Land Hessen / Volkshochschule Odenwaldkreis", "Land Hessen / Ehrenamtsagentur Odenwaldkreis"];
    public static readonly string[] Fortbildungsanbieter = ["Volkshochschule Odenwaldkreis", "WIR-Vielfaltszentrum Odenwaldkreis", "Landesehrenamtsagentur Hessen"];

    public static readonly (TimeOnly Von, TimeOnly Bis)[] Zeitfenster =
    [
        (new(8, 0), new(12, 0)), (new(9, 0), new(12, 0)), (new(9, 0), new(13, 0)), (new(10, 0), new(14, 0)),
        (new(14, 0), new(17, 0)), (new(14, 0), new(18, 0)), (new(16, 0), new(19, 0)),
    ];

    public static readonly string[] Kontaktwege = ["Rückruf über die Migrationsberatung", "über die Schulsozialarbeit", "Tel. über die Gemeinschaftsunterkunft", "über das Fallmanagement des Jobcenters"];
    public static readonly string[] AnlageNotizen =
    [
        "Anruf der Migrationsberatung, Sprachmittlung beim Termin gewünscht.",
        "In der offenen Sprechstunde aufgenommen, Schreiben liegt vor.",
        "Anfrage per E-Mail von der Schulsozialarbeit.",
        "Begleitung zum Termin gewünscht, Einladung liegt vor.",
    ];

    public static readonly string[] KontaktNotizen = ["Rückruf: Termin und Sprache bestätigt.", "Über die Beratungsstelle Rückmeldung erhalten.", "Kurz telefoniert, benötigte Unterlagen besprochen."];
    public static readonly string[] AbbruchGruende = ["Ratsuchende hat den Termin selbst wahrgenommen.", "Termin von der Behörde abgesagt.", "Anliegen hat sich erledigt.", "Ratsuchende ist weggezogen."];

    public sealed record Person(string[] Vornamen, string[] Nachnamen, (string Code, string Niveau)[] Sprachen);

    /// <summary>A group of origin by weight, with the languages one of its members speaks.</summary>
    public static Person Herkunft(Random r)
    {
        var wert = r.Next(GruppenSumme);
        var gruppe = Gruppen.FirstOrDefault(g => (wert -= g.Gewicht) < 0) ?? Gruppen[0];
        return new Person(gruppe.Vornamen, gruppe.Nachnamen, gruppe.Sprachen(r));
    }

    public static string Anfragesprache(Random r)
    {
        var wert = r.Next(AnfrageSprachenSumme);
        foreach (var (code, gewicht) in AnfrageSprachen)
        {
            if ((wert -= gewicht) < 0)
            {
                return code;
            }
        }

        return "ar";
    }

    public static int Einwohnergewicht(string kommune) => Einwohner.GetValueOrDefault(kommune, 6);

    /// <summary>Initials or a family pseudonym, never a name.</summary>
    public static string Kennung(Random r)
    {
        const string Buchstaben = "ABDEFGHIKLMNORSTYZ";
        char B() => Buchstaben[r.Next(Buchstaben.Length)];
        return r.NextDouble() switch
        {
            < 0.5 => $"{B()}. {B()}.",
            < 0.75 => $"Familie {B()}.",
            < 0.87 => $"Frau {B()}.",
            _ => $"Herr {B()}.",
        };
    }

    public static string Ziel(Random r, string thema, string kommune)
    {
        string[] ziele = thema switch
        {
            "behoerden" => ["Ausländerbehörde des Kreises, Erbach", "Jobcenter Odenwaldkreis", $"Bürgerbüro {kommune}", $"Standesamt {kommune}", "Familienkasse", "Wohngeldstelle"],
            "schule" => [$"Elterngespräch Grundschule {kommune}", "Anmeldung weiterführende Schule", "Elternabend", "Gespräch mit der Schulsozialarbeit"],
            "kita" => [$"Kita-Anmeldung {kommune}", "Eingewöhnungsgespräch in der Kita", "Gespräch mit der Kita-Leitung"],
            "gesundheit" => [$"Kinderarztpraxis in {kommune}", "Gesundheitsamt (Schuleingangsuntersuchung)", "Zahnarztpraxis", "Voruntersuchung im Kreiskrankenhaus"],
            "freizeit" => ["Anmeldung im Sportverein", $"Stadtbücherei {kommune}", "Ferienspiele", "Musikschule"],
            "arbeit" => ["Agentur für Arbeit", "Anerkennungsberatung für den Berufsabschluss", "Vorstellungsgespräch", "Anmeldung zum Berufssprachkurs (VHS)"],
            "wohnen" => ["Wohnungsbesichtigung", "Hausverwaltung: Nebenkostenabrechnung", $"Wohnberechtigungsschein, Rathaus {kommune}"],
            _ => ["Termin bei einer Beratungsstelle"],
        };
        return ziele[r.Next(ziele.Length)];
    }

    public static string Vermittler(Random r, string thema) => thema switch
    {
        "behoerden" => r.NextDouble() switch { < 0.35 => "auslaenderbehoerde", < 0.6 => "jobcenter", < 0.8 => "kommune", _ => "selbst" },
        "schule" => r.NextDouble() < 0.8 ? "schule" : "beratungsstelle",
        "kita" => r.NextDouble() < 0.7 ? "kita" : "kommune",
        "gesundheit" => r.NextDouble() < 0.5 ? "gesundheitsamt" : "beratungsstelle",
        "arbeit" => r.NextDouble() < 0.7 ? "jobcenter" : "selbst",
        _ => r.NextDouble() switch { < 0.4 => "beratungsstelle", < 0.7 => "ehrenamtsagentur", _ => "selbst" },
    };

    public static string Ergebnis(Random r) => r.NextDouble() switch
    {
        < 0.72 => "erledigt",
        < 0.87 => "teilweise",
        < 0.92 => "verschoben",
        _ => "nicht_erschienen",
    };

    public static string[] Bemerkungen(string ergebnis) => ergebnis switch
    {
        "erledigt" => ["Antrag abgegeben, Bescheid kommt per Post.", "Termin gut verlaufen, Unterlagen vollständig.", "Gespräch übersetzt, Ansprechperson ist jetzt bekannt.", "Alles geklärt."],
        "teilweise" => ["Unterlagen fehlten, Folgetermin nötig.", "Zweiter Termin für die Unterschrift nötig."],
        "verschoben" => ["Termin wurde kurzfristig verlegt."],
        _ => ["Ratsuchende nicht erschienen, telefonisch nicht erreichbar."],
    };

    /// <summary>The name as the local part of an invented e-mail address (example.org).</summary>
    public static string Ascii(string text)
    {
        var sb = new StringBuilder();
        foreach (var c in text.Replace("ß", "ss", StringComparison.Ordinal).Replace("ı", "i", StringComparison.Ordinal).Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z')
            {
                sb.Append(c);
            }
            else if (c is ' ' or '-')
            {
                sb.Append('-');
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
        }

        return sb.ToString();
    }

    private static (string Code, string Niveau)[] Mit((string, string)[] basis, Random r, params (double Anteil, (string, string) Sprache)[] weitere)
    {
        var liste = basis.ToList();
        foreach (var (anteil, sprache) in weitere)
        {
            if (r.NextDouble() < anteil && liste.All(s => s.Item1 != sprache.Item1))
            {
                liste.Add(sprache);
            }
        }

        return liste.ToArray();
    }
}
