namespace IntegrationsPlattform.Modules.Schulungen.Features.Anmeldungen;

/// <summary>Who registers: the minimal data of a participant (schools of the Kreis by id, or an employer/Träger, or neither).</summary>
internal sealed record AnmeldungEingabe(string? Vorname, string? Nachname, string? Email, IReadOnlyList<string>? Schulen, string? Arbeitgeber);

/// <summary>How a registration ended: a seat (<c>angemeldet</c>) or a place on the waiting list (<c>warteliste</c>, 1 = next to move up).</summary>
internal sealed record Anmeldeergebnis(string AnmeldungId, string Status, int? Warteplatz);

/// <summary>One registration of a session as staff see it; <c>Warteplatz</c> counts from 1 in the order of confirmation.</summary>
internal sealed record AnmeldungZeile(
    string Id, string TeilnehmendeId, string Vorname, string Nachname, string Email, string? Arbeitgeber, string Schulen,
    string Status, int? Warteplatz, string BestaetigtAm, string? AbgemeldetAm);

/// <summary>A session's registrations with its seats: taken, capacity, waiting, maximum waiting list.</summary>
internal sealed record TerminAnmeldungen(
    string TerminId, string Kurs, string TerminStatus, int Kapazitaet, int MaxWarteliste, int Belegt, int Wartend,
    IReadOnlyList<AnmeldungZeile> Anmeldungen);

/// <summary>What the public registration page shows of a session: nothing personal.</summary>
internal sealed record AnmeldeTermin(
    string Id, string Kurs, string Beschreibung, string Format, string Status, DateOnly Anmeldeschluss, IReadOnlyList<TerminZeit> Zeiten);

/// <summary>One appointment of a session in local time of the deployment.</summary>
internal sealed record TerminZeit(string Id, DateTime Beginn, DateTime Ende, string? Ort, string? OnlineLink);
