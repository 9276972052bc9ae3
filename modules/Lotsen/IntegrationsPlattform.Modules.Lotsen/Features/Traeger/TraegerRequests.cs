using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Web;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Traeger;

// --- reads ---------------------------------------------------------------------------------------

/// <summary>The Träger list with filters (status, municipality it could cover, name search) and paging.</summary>
internal sealed record ListeTraeger(string? Status, string? Kommune, string? Suche, int Seite = 1, int SeitenGroesse = Paging.DefaultPageSize) : IQuery<PagedList<TraegerZeile>>;

internal sealed record TraegerZeile(string Id, string Name, string Status, string StatusText, string StatusSeit, IReadOnlyList<string> Kommunen, IReadOnlyList<string> AktiveKommunen);

/// <summary>Every Träger matching the filters, with the contact person, for the CSV export.</summary>
internal sealed record ExportiereTraeger(string? Status, string? Kommune, string? Suche) : IQuery<IReadOnlyList<TraegerExportZeile>>;

internal sealed record TraegerExportZeile(
    string Id, string Name, string Status, string StatusSeit, string? Ansprechperson, string? Email, string? Telefon,
    IReadOnlyList<string> Kommunen, IReadOnlyList<string> AktiveKommunen, string? Notiz);

/// <summary>One Träger with its contact person, contacts log, status history and agreements.</summary>
internal sealed record HoleTraeger(string Id) : IQuery<TraegerDetail>;

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

/// <summary>The contacts log of one Träger, newest first.</summary>
internal sealed record ListeKontakte(string TraegerId) : IQuery<IReadOnlyList<KontaktZeile>>;

/// <summary>Every municipality of the deployment with its active Träger, if any (an agreement past its planned end is not active).</summary>
internal sealed record HoleAbdeckung : IQuery<IReadOnlyList<KommuneAbdeckung>>;

/// <summary>A municipality and its active Träger: since when, and until when as planned (<c>null</c>: open-ended).</summary>
internal sealed record KommuneAbdeckung(string Ags, string Kommune, string? TraegerId, string? Traeger, string? Seit, string? Bis);

// --- writes --------------------------------------------------------------------------------------

internal interface ITraegerStammdaten
{
    string? Name { get; }
    string? Ansprechperson { get; }
    string? Email { get; }
    string? Telefon { get; }
    IReadOnlyList<string>? Kommunen { get; }
    string? Notiz { get; }
}

internal sealed record LegeTraegerAn(string? Name, string? Ansprechperson, string? Email, string? Telefon, IReadOnlyList<string>? Kommunen, string? Notiz)
    : ICommand<string>, ITraegerStammdaten;

internal sealed record AendereTraeger(string Id, string? Name, string? Ansprechperson, string? Email, string? Telefon, IReadOnlyList<string>? Kommunen, string? Notiz)
    : ICommand<Done>, ITraegerStammdaten;

internal sealed record WechsleTraegerStatus(string Id, string? Nach, string? Grund) : ICommand<Done>;

internal sealed record ErfasseKontakt(string TraegerId, string? Datum, string? Kanal, string? Notiz) : ICommand<string>;

internal sealed record ErfasseVereinbarung(string TraegerId, string? Beginn, string? Ende, IReadOnlyList<string>? Kommunen, string? Foerderung) : ICommand<string>;

internal sealed record BeendeVereinbarung(string TraegerId, string VereinbarungId, string? Ende) : ICommand<Done>;

/// <summary>DSGVO Art. 17: blanks the contact person and the notes of the contacts log; the organisation stays.</summary>
internal sealed record LoescheAnsprechperson(string TraegerId) : ICommand<Done>;

// --- API bodies ------------------------------------------------------------------------------------

internal sealed record TraegerEingabe(string? Name, string? Ansprechperson, string? Email, string? Telefon, IReadOnlyList<string>? Kommunen, string? Notiz);

internal sealed record StatusEingabe(string? Nach, string? Grund);

internal sealed record KontaktEingabe(string? Datum, string? Kanal, string? Notiz);

internal sealed record VereinbarungEingabe(string? Beginn, string? Ende, IReadOnlyList<string>? Kommunen, string? Foerderung);

internal sealed record BeendenEingabe(string? Ende);
