namespace IntegrationsPlattform.Modules.Gesundheit.Features.Materialausgaben;

/// <summary>
/// Material handed out: what (a flyer's name), in which languages (a multilingual flyer names each), to which kind of
/// institution and which one, in which municipality, how many pieces, on which day, optionally for a campaign.
/// </summary>
internal sealed record MaterialausgabeEingabe(
    string? Material, IReadOnlyList<string?>? Sprachen, string? EinrichtungArt, string? Einrichtung, string? KommuneAgs, int? Anzahl, string? Datum,
    string? KampagneId);

/// <summary>The list's filters: municipality, kind of institution, language, campaign and a period of days.</summary>
internal sealed record MaterialausgabeFilter(string? Kommune, string? EinrichtungArt, string? Sprache, string? Kampagne, string? Von, string? Bis);

internal sealed record MaterialausgabeZeile(
    string Id, string Material, IReadOnlyList<string> Sprachen, string EinrichtungArt, string EinrichtungArtText, string? Einrichtung,
    string KommuneAgs, int Anzahl, string Datum, string? KampagneId, string? KampagneTitel);

/// <summary>The figures of one municipality: hand-outs and pieces in all, pieces per kind of institution and per language.</summary>
internal sealed record AusgabenJeKommune(
    string KommuneAgs, string Kommune, int Ausgaben, long Stueck, IReadOnlyDictionary<string, long> StueckJeEinrichtungArt,
    IReadOnlyDictionary<string, long> StueckJeSprache);

/// <summary>
/// The outreach figures per municipality of the deployment (every one, also those without a hand-out) within the
/// period; <see cref="Sprachen"/> are the languages handed out in it. A piece of a multilingual flyer counts in each of
/// its languages, so the languages' pieces may add up to more than <see cref="AusgabenJeKommune.Stueck"/>.
/// </summary>
internal sealed record AusgabenZahlen(string? Von, string? Bis, IReadOnlyList<string> Sprachen, IReadOnlyList<AusgabenJeKommune> Kommunen);
