namespace IntegrationsPlattform.Modules.Schulungen.Features.Bescheinigungen;

/// <summary>A seat holder of a session with her share attended, whether a certificate is possible and the one issued.</summary>
internal sealed record BescheinigungsZeile(
    string AnmeldungId, string Name, string StatusText, string AnteilText, bool Moeglich, string? Grund, string? BescheinigungId, string? Code, bool Zurueckgezogen);

/// <summary>The certificates of one session.</summary>
internal sealed record TerminBescheinigungen(string TerminId, string KursTitel, string MindestAnteilText, IReadOnlyList<BescheinigungsZeile> Zeilen);

/// <summary>One certificate with everything it states. <see cref="Name"/> is null once the holder's data is erased.</summary>
internal sealed record BescheinigungDetail(
    string Id,
    string Code,
    string TerminId,
    string? Name,
    string Initialen,
    string KursTitel,
    string Lernziele,
    int Unterrichtseinheiten,
    decimal Stunden,
    string? Kommune,
    IReadOnlyList<string> Zeiten,
    string AusgestelltAm,
    string? ZurueckgezogenAm,
    string? RueckzugGrund);

/// <summary>What the public check shows of a certificate: course, dates, initials, valid or withdrawn — nothing else.</summary>
internal sealed record NachweisPruefung(string Code, string KursTitel, string Zeitraum, string Initialen, bool Gueltig, string? ZurueckgezogenAm);

/// <summary>The JSON body of issuing certificates: the registrations of the session that get one.</summary>
internal sealed record AusstellenEingabe(IReadOnlyList<string>? Anmeldungen);

/// <summary>The answer of issuing: the new certificates' ids.</summary>
internal sealed record Ausgestellt(IReadOnlyList<string> Ids);

/// <summary>The JSON body of withdrawing a certificate: the reason.</summary>
internal sealed record RueckzugEingabe(string? Grund);
