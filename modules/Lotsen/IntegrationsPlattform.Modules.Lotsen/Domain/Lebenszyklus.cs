using IntegrationsPlattform.Contracts.Messaging;

namespace IntegrationsPlattform.Modules.Lotsen.Domain;

/// <summary>
/// A status of one of the module's lifecycles: its stored key (the CHECK constraint's value), its
/// German label and the statuses it may change to.
/// </summary>
internal sealed record Status(string Schluessel, string Text, params string[] Nachfolger)
{
    public bool IstEnde => Nachfolger.Length == 0;
}

/// <summary>The allowed status changes of one kind of record; anything else is refused with a reason.</summary>
internal sealed class Lebenszyklus(string gegenstand, params Status[] statuses)
{
    public IReadOnlyList<Status> Alle { get; } = statuses;

    public Status Start => Alle[0];

    public Status? Finde(string? schluessel) => Alle.FirstOrDefault(s => s.Schluessel == schluessel);

    public Status Von(string schluessel) => Finde(schluessel) ?? throw new InvalidOperationException($"Unbekannter Status '{schluessel}' ({gegenstand}).");

    public string Text(string schluessel) => Finde(schluessel)?.Text ?? schluessel;

    public IReadOnlyList<Status> NachfolgerVon(string schluessel) => Von(schluessel).Nachfolger.Select(Von).ToList();

    /// <summary>Throws <see cref="DomainRuleException"/> (409) when the change is not part of the lifecycle.</summary>
    public void PruefeWechsel(string von, string nach)
    {
        var aktuell = Von(von);
        var ziel = Finde(nach) ?? throw RequestValidationException.For("status", $"Unbekannter Status '{nach}'.");
        if (!aktuell.Nachfolger.Contains(ziel.Schluessel))
        {
            var erlaubt = aktuell.IstEnde ? "keiner – der Status ist endgültig" : string.Join(", ", aktuell.Nachfolger.Select(Text));
            throw new DomainRuleException($"{gegenstand}: Wechsel von „{aktuell.Text}“ zu „{ziel.Text}“ ist nicht möglich (erlaubt: {erlaubt}).");
        }
    }
}

internal static class Lebenszyklen
{
    public static readonly Lebenszyklus Traeger = new(
        "Träger",
        new Status("identifiziert", "identifiziert", "kontaktiert", "abgelehnt"),
        new Status("kontaktiert", "kontaktiert", "interessiert", "abgelehnt"),
        new Status("interessiert", "interessiert", "vereinbart", "abgelehnt"),
        new Status("vereinbart", "Vereinbarung unterzeichnet"),
        new Status("abgelehnt", "abgelehnt"));

    public static readonly Lebenszyklus Lotse = new(
        "Lotse",
        new Status("interessiert", "interessiert", "in_schulung", "ausgeschieden"),
        new Status("in_schulung", "in Schulung", "aktiv", "ausgeschieden"),
        new Status("aktiv", "aktiv", "pausiert", "ausgeschieden"),
        new Status("pausiert", "pausiert", "aktiv", "ausgeschieden"),
        new Status("ausgeschieden", "ausgeschieden"));

    public static readonly Lebenszyklus Anfrage = new(
        "Anfrage",
        new Status("offen", "offen", "vermittelt", "abgebrochen"),
        new Status("vermittelt", "vermittelt", "erledigt", "abgebrochen", "offen"),
        new Status("erledigt", "erledigt"),
        new Status("abgebrochen", "abgebrochen"));
}
