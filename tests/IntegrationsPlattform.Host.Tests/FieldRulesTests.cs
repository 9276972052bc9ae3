using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Web;

namespace IntegrationsPlattform.Host.Tests;

/// <summary>The SDK's field rules: every module's forms, API and imports say the same about the same mistake.</summary>
public sealed class FieldRulesTests
{
    private static readonly DeploymentInfo Kreis = new("Odenwaldkreis", "06437", "Erbach",
        [new Municipality("06437005", "Erbach"), new Municipality("06437011", "Michelstadt")]);

    [Test]
    public void Text_is_trimmed_refused_when_missing_and_too_long_with_the_count_entered()
    {
        var errors = new List<FieldError>();
        var name = errors.RequiredText("name", "  Verein  ", 10, "den Namen");
        errors.RequiredText("vorname", "   ", 10, "den Vornamen");
        errors.OptionalText("notiz", new string('x', 1001), 1000);
        Assert.Multiple(() =>
        {
            Assert.That(name, Is.EqualTo("Verein"));
            Assert.That(errors, Is.EqualTo(new[]
            {
                new FieldError("vorname", "Bitte den Vornamen angeben."),
                new FieldError("notiz", "Höchstens 1.000 Zeichen erlaubt (1.001 eingegeben)."),
            }));
        });
    }

    [TestCase("name@beispiel.de", true)]
    [TestCase(" name@beispiel.de ", true)]
    [TestCase("kein-at", false)]
    [TestCase("name@localhost", false)]
    [TestCase("a@b@beispiel.de", false)]
    [TestCase("Name <name@beispiel.de>", false)]
    [TestCase("name@beispiel.", false)]
    public void Email_accepts_one_plain_address_with_a_domain(string email, bool valid)
    {
        var errors = new List<FieldError>();
        var result = errors.Email("email", email);
        Assert.That(errors.Count == 0 && result == email.Trim(), Is.EqualTo(valid), string.Join("; ", errors));
    }

    [TestCase("+49 6062 12345", true)]
    [TestCase("06062/123-45 (Büro)", false)]
    [TestCase("0606x", false)]
    [TestCase("--", false)]
    public void Phone_accepts_digits_blanks_and_the_usual_signs(string phone, bool valid)
    {
        var errors = new List<FieldError>();
        errors.Phone("telefon", phone);
        Assert.That(errors, valid ? Is.Empty : Has.One.EqualTo(new FieldError("telefon", "Die Telefonnummer darf nur Ziffern, Leerzeichen und + - / ( ) enthalten.")));
    }

    [Test]
    public void Days_and_times_are_parsed_and_their_ranges_checked()
    {
        var errors = new List<FieldError>();
        var beginn = errors.Day("beginn", "2026-12-01", required: true);
        errors.Day("ende", "01.12.2026", required: false);
        errors.DayRange("bis", beginn, new DateOnly(2026, 11, 30));
        errors.DayRange("zeitraumBis", beginn, new DateOnly(2027, 1, 1), maxDays: 30);
        errors.TimeRange("uhrzeitBis", errors.TimeOfDay("uhrzeitVon", "14:00", required: false), errors.TimeOfDay("uhrzeitBis", "09:00", required: false));
        errors.TimeOfDay("beginn", "9 Uhr", required: true);
        errors.NotInFuture("datum", new DateOnly(2026, 12, 2), new DateOnly(2026, 12, 1), "Ein Kontakt");
        Assert.Multiple(() =>
        {
            Assert.That(beginn, Is.EqualTo(new DateOnly(2026, 12, 1)));
            Assert.That(errors.Select(e => e.Field), Is.EqualTo(new[] { "ende", "bis", "zeitraumBis", "uhrzeitBis", "beginn", "datum" }));
            Assert.That(errors[0].Message, Is.EqualTo("Bitte ein gültiges Datum angeben (JJJJ-MM-TT)."));
            Assert.That(errors[2].Message, Is.EqualTo("Das Ende des Zeitraums muss zwischen dem Beginn und 30 Tagen danach liegen."));
            Assert.That(errors[5].Message, Is.EqualTo("Ein Kontakt kann nicht in der Zukunft liegen."));
        });
    }

    [Test]
    public void Municipalities_must_belong_to_the_deployments_Kreis_and_unknown_ones_are_named()
    {
        var errors = new List<FieldError>();
        var erbach = errors.Municipality("kommuneAgs", " 06437005 ", Kreis, required: true);
        errors.Municipality("wohnortAgs", null, Kreis, required: true);
        var liste = errors.Municipalities("kommunen", ["06437011", "Darmstadt", "06411000"], Kreis, required: true);
        errors.Municipalities("bereich", [], Kreis, required: true);
        Assert.Multiple(() =>
        {
            Assert.That(erbach?.Name, Is.EqualTo("Erbach"));
            Assert.That(liste, Is.Empty, "a list with an unknown municipality is not half taken");
            Assert.That(errors, Is.EqualTo(new[]
            {
                new FieldError("wohnortAgs", "Bitte eine Kommune im Odenwaldkreis wählen."),
                new FieldError("kommunen", "Keine Kommune im Odenwaldkreis: Darmstadt, 06411000."),
                new FieldError("bereich", "Bitte mindestens eine Kommune wählen."),
            }));
        });
    }

    [Test]
    public void Language_codes_are_ISO_639_codes_of_the_SDK_list_compared_in_lower_case()
    {
        var errors = new List<FieldError>();
        var arabisch = errors.LanguageCode("sprachen", " AR ");
        errors.LanguageCode("sprachen", "klingonisch-und-noch-viel-mehr");
        Assert.Multiple(() =>
        {
            Assert.That(arabisch, Is.EqualTo("ar"));
            Assert.That(Languages.GermanName("prs"), Is.EqualTo("Dari"));
            Assert.That(errors.Single().Message, Is.EqualTo("Unbekannter Sprachcode „klingonisch-und-noch…“ (erwartet ISO 639, z. B. ar, fa, uk)."));
        });
    }

    /// <summary>A text for visitors may be written only in a language the deployment's public pages offer.</summary>
    [Test]
    public void A_public_language_is_one_the_deployment_offers()
    {
        var kreis = Kreis with { PublicLanguages = [Languages.German, Languages.Find("ar")!, Languages.Find("tr")!] };
        var errors = new List<FieldError>();
        var arabisch = errors.PublicLanguage("sprache", " AR ", kreis);
        var paschtu = errors.PublicLanguage("sprache", "ps", kreis);
        errors.PublicLanguage("sprache", "xx", kreis);
        Assert.Multiple(() =>
        {
            Assert.That(arabisch, Is.EqualTo("ar"));
            Assert.That(paschtu, Is.Null);
            Assert.That(errors.Select(e => e.Message), Is.EqualTo(new[]
            {
                "Die öffentlichen Seiten bieten Paschtu nicht an (angeboten: Deutsch, Arabisch, Türkisch).",
                "Unbekannter Sprachcode „xx“ (erwartet ISO 639, z. B. ar, fa, uk).",
            }));
        });
    }

    [TestCase(null, 25)]
    [TestCase(0, 1)]
    [TestCase(50, 50)]
    [TestCase(100000, 200)]
    public void Page_size_is_what_the_caller_asks_for_within_1_and_200(int? requested, int pageSize)
        => Assert.That(Paging.PageSize(requested), Is.EqualTo(pageSize));
}
