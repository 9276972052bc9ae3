namespace IntegrationsPlattform.Modules.Lotsen.Features.Traeger;

internal sealed record TraegerZeile(string Id, string Name, string Status, string StatusText, string StatusSeit, IReadOnlyList<string> Kommunen, IReadOnlyList<string> AktiveKommunen);

internal sealed record TraegerExportZeile(
    string Id, string Name, string Status, string StatusSeit, string? Ansprechperson, string? Email, string? Telefon,
    IReadOnlyList<string> Kommunen, IReadOnlyList<string> AktiveKommunen, string? Notiz);

internal sealed record TraegerDetail(
    string Id,
    string Name,
    string? Ansprechperson,
    string? Email,
    string? Telefon,
    string Status,
    string StatusText,
    string StatusSeit,
    string? Notiz,
    string AngelegtAm,
    IReadOnlyList<string> Kommunen,
    IReadOnlyList<string> WaehlbareStatus,
    bool VereinbarungMoeglich,
    IReadOnlyList<KontaktZeile> Kontakte,
    IReadOnlyList<StatusVerlaufZeile> Verlauf,
    IReadOnlyList<VereinbarungZeile> Vereinbarungen);

internal sealed record KontaktZeile(string Id, string Datum, string Kanal, string KanalText, string Notiz, string ErfasstVon, string ErfasstAm);

internal sealed record StatusVerlaufZeile(string? Von, string Nach, string NachText, string Am, string Durch, string? Grund);

/// <summary>
/// One agreement. <see cref="Aktiv"/>: it runs today (not ended, planned end not passed); an agreement past
/// its planned end is not active even while <see cref="BeendetAm"/> is still empty (the daily job records it).
/// </summary>
internal sealed record VereinbarungZeile(string Id, string Beginn, string? Ende, string? Foerderung, string AngelegtAm, string? BeendetAm, IReadOnlyList<string> Kommunen, bool Aktiv);

/// <summary>A municipality and its active Träger: since when, and until when as planned (<c>null</c>: open-ended).</summary>
internal sealed record KommuneAbdeckung(string Ags, string Kommune, string? TraegerId, string? Traeger, string? Seit, string? Bis);

internal interface ITraegerStammdaten
{
    string? Name { get; }
    string? Ansprechperson { get; }
    string? Email { get; }
    string? Telefon { get; }
    IReadOnlyList<string>? Kommunen { get; }
    string? Notiz { get; }
}
