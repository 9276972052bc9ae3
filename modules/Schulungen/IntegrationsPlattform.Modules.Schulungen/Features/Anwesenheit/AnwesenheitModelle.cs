namespace IntegrationsPlattform.Modules.Schulungen.Features.Anwesenheit;

/// <summary>One appointment of a session: local start and end (<c>yyyy-MM-ddTHH:mm</c>), place, and whether attendance can be recorded yet (it has begun).</summary>
internal sealed record Zeitfenster(string Id, int Nummer, string Beginn, string Ende, string? Ort, bool Erfassbar, bool Erfasst);

/// <summary>
/// A seat holder of the session with her attendance per appointment (<see cref="Anwesend"/> in the order of
/// <see cref="TerminAnwesenheit.Zeiten"/>; null: not recorded), the share attended and the state that follows.
/// </summary>
internal sealed record AnwesenheitZeile(string AnmeldungId, string Name, string Status, string StatusText, IReadOnlyList<bool?> Anwesend, decimal Anteil, string AnteilText);

/// <summary>The attendance list of one session.</summary>
internal sealed record TerminAnwesenheit(
    string TerminId,
    string KursTitel,
    string? Kommune,
    string Status,
    string StatusText,
    IReadOnlyList<Zeitfenster> Zeiten,
    IReadOnlyList<AnwesenheitZeile> Teilnehmende);

/// <summary>A session in the list of those whose attendance the user records.</summary>
internal sealed record AnwesenheitsTermin(string TerminId, string KursTitel, string? Kommune, string? Beginn, string? Ende, string Status, string StatusText, int Teilnehmende, int Zeiten, int ZeitenErfasst);

/// <summary>The JSON body of recording one appointment: its id and the registrations present (everyone else counts as absent).</summary>
internal sealed record AnwesenheitEingabe(string? ZeitId, IReadOnlyList<string>? Anwesend);
