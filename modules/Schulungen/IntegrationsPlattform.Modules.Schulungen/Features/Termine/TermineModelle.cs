namespace IntegrationsPlattform.Modules.Schulungen.Features.Termine;

/// <summary>One appointment as the API and the forms take it: a day, from and to (<c>HH:mm</c>), place and/or online link.</summary>
internal sealed record ZeitEingabe(string? Tag, string? Beginn, string? Ende, string? Ort, string? OnlineLink);

/// <summary>The JSON body of a new session: the course, where, how many, until when, the first appointments and the trainers.</summary>
internal sealed record TerminEingabe(
    string? KursId, string? Kommune, int? Kapazitaet, int? MaxWarteliste, string? Anmeldeschluss, string? Notiz,
    IReadOnlyList<ZeitEingabe>? Zeiten, IReadOnlyList<string>? Trainer);

/// <summary>The JSON body of changing a session (its appointments change one by one).</summary>
internal sealed record TerminAenderung(string? Kommune, int? Kapazitaet, int? MaxWarteliste, string? Anmeldeschluss, string? Notiz, IReadOnlyList<string>? Trainer);

/// <summary>The JSON body of a status change: <c>{nach, grund}</c> (a reason is required for „abgesagt“).</summary>
internal sealed record TerminStatusEingabe(string? Nach, string? Grund);

/// <summary>What a session is set up with, as the create and change commands share it.</summary>
internal interface ITerminDaten
{
    string? Kommune { get; }
    int? Kapazitaet { get; }
    int? MaxWarteliste { get; }
    string? Anmeldeschluss { get; }
    string? Notiz { get; }
    IReadOnlyList<string>? Trainer { get; }
}

internal sealed record TerminZeile(
    string Id, string KursId, string Kurs, string? Kommune, string? BeginntAm, string? EndetAm, int Zeiten, int Kapazitaet, int Angemeldet, int Wartend,
    string Anmeldeschluss, string Status, string StatusText);

internal sealed record ZeitZeile(string Id, string Beginn, string Ende, string? Ort, string? OnlineLink);

internal sealed record TrainerKurz(string Id, string Name);

internal sealed record TerminDetail(
    string Id,
    string KursId,
    string Kurs,
    string KursFormat,
    string? Kommune,
    int Kapazitaet,
    int MaxWarteliste,
    int Angemeldet,
    int Wartend,
    string Anmeldeschluss,
    string Status,
    string StatusText,
    string StatusSeit,
    string? AbsageGrund,
    string? Notiz,
    int KalenderSequenz,
    IReadOnlyList<ZeitZeile> Zeiten,
    IReadOnlyList<TrainerKurz> Trainer,
    IReadOnlyList<string> WaehlbareStatus);
