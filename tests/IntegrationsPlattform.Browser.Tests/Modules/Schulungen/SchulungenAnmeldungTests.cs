using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IntegrationsPlattform.Browser.Tests.Modules.Schulungen;

/// <summary>
/// The public registration for a training session as a visitor who reads Arabic uses it — right to left, by the Arabic
/// labels, the mailed confirmation link, her personal page — and the staff member who then sees her on the session's
/// registration list. axe checks every page and state.
/// </summary>
[TestFixture]
public sealed class SchulungenAnmeldungTests : ModuleBrowserTest
{
    private const string Email = "amal.haddad@schule.example.invalid";

    /// <summary>A published course's open session two weeks ahead, one school of the Kreis; returns the session's id.</summary>
    private string OffenerTermin()
    {
        using var db = new SqliteConnection($"Data Source={Host.ModuleDatabase("Schulungen")};Pooling=False");
        db.Open();
        var heute = Host.Clock.Today;
        var jetzt = Host.Clock.Now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var (kurs, termin) = (Guid.CreateVersion7().ToString(), Guid.CreateVersion7().ToString());
        var tag = heute.AddDays(14).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        using var command = db.CreateCommand();
        command.CommandText = """
            INSERT INTO kurse (id, titel, beschreibung, lernziele, zielgruppe, format, unterrichtseinheiten, stunden, status, status_seit, angelegt_am, geaendert_am)
            VALUES ($kurs, 'Elternarbeit in der Migrationsgesellschaft (Browser)', 'Zusammenarbeit mit Eltern aller Herkunft', 'Elterngespräche führen', 'Schulsozialarbeit', 'praesenz', 4, 3, 'veroeffentlicht', $jetzt, $jetzt, $jetzt);
            INSERT INTO termine (id, kurs_id, kommune_ags, kapazitaet, max_warteliste, anmeldeschluss, status, status_seit, angelegt_am, geaendert_am)
            VALUES ($termin, $kurs, '06437006', 12, 4, $schluss, 'offen', $jetzt, $jetzt, $jetzt);
            INSERT INTO termin_zeiten (id, termin_id, beginn, ende, ort) VALUES ($zeit, $termin, $tag || 'T09:00', $tag || 'T13:00', 'Landratsamt Erbach');
            INSERT INTO schulen (id, name, schulart, kommune_ags, angelegt_am) VALUES ($schule, 'Gesamtschule Erbach (Browser)', 'igs', '06437006', $jetzt);
            """;
        command.Parameters.AddWithValue("$kurs", kurs);
        command.Parameters.AddWithValue("$termin", termin);
        command.Parameters.AddWithValue("$zeit", Guid.CreateVersion7().ToString());
        command.Parameters.AddWithValue("$schule", Guid.CreateVersion7().ToString());
        command.Parameters.AddWithValue("$jetzt", jetzt);
        command.Parameters.AddWithValue("$tag", tag);
        command.Parameters.AddWithValue("$schluss", heute.AddDays(7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        command.ExecuteNonQuery();
        return termin;
    }

    [Test]
    public async Task A_visitor_registers_in_Arabic_confirms_from_the_mail_and_staff_see_her_on_the_list()
    {
        var termin = OffenerTermin();
        await Page.GotoAsync($"/schulungen/termine/{termin}/anmeldung?lang=ar");
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Expect(Heading("التسجيل في الدورة التدريبية")).ToBeVisibleAsync();
        await Expect(Page.Locator(".privacy-notice")).ToHaveAttributeAsync("lang", "de");
        await AssertNoSeriousViolationsAsync();

        await Page.GetByRole(AriaRole.Button, new() { Name = "تسجيل", Exact = true }).ClickAsync();
        await Expect(Page.GetByText("يرجى إدخال اسمك الأول (100 حرف كحد أقصى).")).ToBeVisibleAsync();
        await AssertNoSeriousViolationsAsync();

        await Page.GetByLabel("الاسم الأول", new() { Exact = true }).FillAsync("أمل");
        await Page.GetByLabel("اسم العائلة", new() { Exact = true }).FillAsync("حداد");
        await Page.GetByLabel("عنوان البريد الإلكتروني", new() { Exact = true }).FillAsync(Email);
        await Page.GetByLabel("Gesamtschule Erbach (Browser) (Erbach)").CheckAsync();
        await SaveScreenshotAsync("schulungen-anmeldung-ar");
        await Page.GetByRole(AriaRole.Button, new() { Name = "تسجيل", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Status)).ToContainTextAsync("اقتربت من النهاية");
        await AssertNoSeriousViolationsAsync();

        await Page.GotoAsync(Host.ConfirmationLink(Email));
        await Expect(Page.GetByRole(AriaRole.Status)).ToHaveTextAsync("شكرًا لك! تم تأكيد بياناتك.");
        await AssertNoSeriousViolationsAsync();

        await Page.GotoAsync(Host.LinkInLastMail(Email, "/schulungen/anmeldung/") + "?lang=ar");
        await Expect(Heading("تسجيلك")).ToBeVisibleAsync();
        await Expect(Page.GetByText("أنت مسجّل في هذا الموعد.")).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "ملف التقويم للموعد في" })).ToHaveCountAsync(1);
        await SaveScreenshotAsync("schulungen-persoenlicher-link-ar");
        await AssertNoSeriousViolationsAsync();

        await SignInAsStaffAsync();
        await Page.GotoAsync($"/schulungen/termine/{termin}/anmeldungen");
        var liste = Page.GetByRole(AriaRole.Table, new() { Name = "Anmeldungen" });
        await Expect(liste.GetByRole(AriaRole.Row).Filter(new() { HasText = "حداد, أمل" })).ToContainTextAsync("angemeldet");
        await Expect(Page.GetByText("Plätze: 1 von 12 belegt")).ToBeVisibleAsync();
        await SaveScreenshotAsync("schulungen-anmeldungen-liste");
        await AssertNoSeriousViolationsAsync();
    }
}
