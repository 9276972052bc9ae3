namespace IntegrationsPlattform.Modules.Schulungen.Features.Kurse;

/// <summary>What a course is made of, as the form, the API and the commands take it.</summary>
internal interface IKursDaten
{
    string? Titel { get; }
    string? Beschreibung { get; }
    string? Lernziele { get; }
    string? Zielgruppe { get; }
    string? Format { get; }
    int? Unterrichtseinheiten { get; }
    decimal? Stunden { get; }
    string? Voraussetzungen { get; }
}

/// <summary>The JSON body of creating and changing a course.</summary>
internal sealed record KursEingabe(
    string? Titel, string? Beschreibung, string? Lernziele, string? Zielgruppe, string? Format, int? Unterrichtseinheiten, decimal? Stunden, string? Voraussetzungen)
    : IKursDaten;

/// <summary>The JSON body of a status change: <c>{nach}</c>.</summary>
internal sealed record KursStatusEingabe(string? Nach);

internal sealed record KursZeile(string Id, string Titel, string Format, string FormatText, int Unterrichtseinheiten, decimal Stunden, string Status, string StatusText, int Termine);

internal sealed record KursDetail(
    string Id,
    string Titel,
    string Beschreibung,
    string Lernziele,
    string Zielgruppe,
    string Format,
    string FormatText,
    int Unterrichtseinheiten,
    decimal Stunden,
    string? Voraussetzungen,
    string Status,
    string StatusText,
    string StatusSeit,
    IReadOnlyList<string> WaehlbareStatus,
    int Termine,
    string AngelegtAm,
    string GeaendertAm);

/// <summary>The answer of a create: the new record's id.</summary>
internal sealed record Angelegt(string Id);
