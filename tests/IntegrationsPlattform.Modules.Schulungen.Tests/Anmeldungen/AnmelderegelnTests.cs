using IntegrationsPlattform.Modules.Schulungen.Domain;

namespace IntegrationsPlattform.Modules.Schulungen.Tests.Anmeldungen;

/// <summary>The registration's rules without a host: when a session takes registrations, when a personal link still cancels, and the registration's lifecycle.</summary>
public sealed class AnmelderegelnTests
{
    private static readonly DateOnly Heute = new(2027, 2, 10);

    [TestCase("offen", 0, true, null)]
    [TestCase("ausgebucht", 0, true, null)]
    [TestCase("offen", -1, true, "Der Anmeldeschluss für diesen Termin war am 09.02.2027; Anmeldungen sind nicht mehr möglich.")]
    [TestCase("offen", -1, false, null)]
    [TestCase("abgesagt", 5, false, "Dieser Termin wurde abgesagt; Anmeldungen sind nicht mehr möglich.")]
    [TestCase("geplant", 5, true, "Für diesen Termin sind Anmeldungen noch nicht freigegeben.")]
    [TestCase("durchgefuehrt", 5, false, "Dieser Termin hat bereits stattgefunden; Anmeldungen sind nicht mehr möglich.")]
    [TestCase("ausgewertet", 5, false, "Dieser Termin hat bereits stattgefunden; Anmeldungen sind nicht mehr möglich.")]
    public void A_session_takes_registrations_while_open_or_full_and_the_public_form_until_its_deadline(string status, int schlussInTagen, bool mitFrist, string? grund)
        => Assert.That(Anmelderegeln.WarumGeschlossen(status, Heute.AddDays(schlussInTagen), Heute, mitFrist), Is.EqualTo(grund));

    [TestCase("angemeldet", "offen", 60, null)]
    [TestCase("warteliste", "ausgebucht", 1, null)]
    [TestCase("angemeldet", "offen", 0, "Dieser Link ist abgelaufen: Der Termin hat bereits begonnen. Bitte wenden Sie sich an das WIR-Vielfaltszentrum.")]
    [TestCase("abgemeldet", "offen", 60, "Sie sind von diesem Termin bereits abgemeldet; der Link ist damit verbraucht.")]
    [TestCase("angemeldet", "abgesagt", 60, "Dieser Termin wurde abgesagt; eine Abmeldung ist nicht nötig.")]
    [TestCase("vollstaendig", "durchgefuehrt", -600, "Dieser Link ist abgelaufen: Der Termin hat bereits stattgefunden.")]
    public void A_personal_link_cancels_a_seat_or_waiting_place_until_the_session_begins(string status, string terminStatus, int beginntInMinuten, string? grund)
    {
        var jetzt = new DateTime(2027, 2, 10, 9, 0, 0);
        Assert.That(Anmelderegeln.WarumNichtAbmeldbar(status, terminStatus, jetzt.AddMinutes(beginntInMinuten), jetzt), Is.EqualTo(grund));
    }

    [Test]
    public void A_registration_without_appointments_never_expires_by_time()
        => Assert.That(Anmelderegeln.WarumNichtAbmeldbar("angemeldet", "offen", null, new DateTime(2027, 2, 10)), Is.Null);

    [TestCase("angefragt", "angemeldet", true)]
    [TestCase("angefragt", "warteliste", true)]
    [TestCase("warteliste", "angemeldet", true)]
    [TestCase("angemeldet", "abgemeldet", true)]
    [TestCase("warteliste", "abgemeldet", true)]
    [TestCase("abgemeldet", "angemeldet", false)]
    [TestCase("angemeldet", "warteliste", false)]
    [TestCase("vollstaendig", "abgemeldet", false)]
    public void Cancelling_is_final_and_ends_only_a_seat_or_waiting_place(string von, string nach, bool erlaubt)
        => Assert.That(Lebenszyklen.Anmeldung.Successors(von).Any(s => s.Key == nach), Is.EqualTo(erlaubt));
}
