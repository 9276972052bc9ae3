using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Modules.Schulungen.Domain;
using MediatR;
using Microsoft.Data.Sqlite;

namespace IntegrationsPlattform.Modules.Schulungen.Features.Anwesenheit;

/// <summary>The attendance list of a session: its appointments and every seat holder with what has been recorded.</summary>
internal sealed record GetTerminAnwesenheit(string TerminId) : IQuery<TerminAnwesenheit>;

internal sealed class GetTerminAnwesenheitHandler(IModuleDatabase<SchulungenModule> database, ICurrentUser user, IAuditTrail audit, ILocalClock clock, DeploymentInfo deployment)
    : IRequestHandler<GetTerminAnwesenheit, TerminAnwesenheit>
{
    public async Task<TerminAnwesenheit> Handle(GetTerminAnwesenheit request, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await AnwesenheitReichweite.PruefenAsync(user, connection, request.TerminId, schreiben: false);
        var liste = await AnwesenheitLesen.LadenAsync(connection, request.TerminId, clock, deployment);
        await audit.RecordAsync(new AuditEntry(AuditAction.View, "Anwesenheit", request.TerminId, $"{liste.Teilnehmende.Count} Teilnehmende"), cancellationToken);
        return liste;
    }
}

/// <summary>Reads a session's attendance; the command reads it again inside its transaction to derive the states.</summary>
internal static class AnwesenheitLesen
{
    private sealed class Kopf
    {
        public string Titel { get; init; } = "";
        public string? KommuneAgs { get; init; }
        public string Status { get; init; } = "";
    }

    private sealed class Zeit
    {
        public string Id { get; init; } = "";
        public string Beginn { get; init; } = "";
        public string Ende { get; init; } = "";
        public string? Ort { get; init; }
        public string? OnlineLink { get; init; }
    }

    private sealed class Person
    {
        public string Id { get; init; } = "";
        public string Vorname { get; init; } = "";
        public string Nachname { get; init; } = "";
        public string Status { get; init; } = "";
    }

    private sealed class Eintrag
    {
        public string AnmeldungId { get; init; } = "";
        public string ZeitId { get; init; } = "";
        public long Anwesend { get; init; }
    }

    public static async Task<TerminAnwesenheit> LadenAsync(SqliteConnection connection, string terminId, ILocalClock clock, DeploymentInfo deployment, SqliteTransaction? transaction = null)
    {
        var kopf = await connection.QuerySingleOrDefaultAsync<Kopf>(
            "SELECT k.titel AS Titel, t.kommune_ags AS KommuneAgs, t.status AS Status FROM termine t JOIN kurse k ON k.id = t.kurs_id WHERE t.id = @terminId",
            new { terminId }, transaction) ?? throw new RecordNotFoundException("Diesen Termin gibt es nicht.");
        var zeiten = (await connection.QueryAsync<Zeit>(
            "SELECT id AS Id, beginn AS Beginn, ende AS Ende, ort AS Ort, online_link AS OnlineLink FROM termin_zeiten WHERE termin_id = @terminId ORDER BY beginn, id",
            new { terminId }, transaction)).ToList();
        var personen = (await connection.QueryAsync<Person>(
            """
            SELECT a.id AS Id, p.vorname AS Vorname, p.nachname AS Nachname, a.status AS Status
            FROM anmeldungen a JOIN teilnehmende p ON p.id = a.teilnehmende_id
            WHERE a.termin_id = @terminId AND a.status IN @platzstatus
            ORDER BY p.nachname COLLATE NOCASE, p.vorname COLLATE NOCASE, a.id
            """,
            new { terminId, platzstatus = TeilnahmeRegeln.Platzstatus }, transaction)).ToList();
        var eintraege = (await connection.QueryAsync<Eintrag>(
            """
            SELECT w.anmeldung_id AS AnmeldungId, w.zeit_id AS ZeitId, w.anwesend AS Anwesend
            FROM anwesenheit w JOIN termin_zeiten z ON z.id = w.zeit_id WHERE z.termin_id = @terminId
            """,
            new { terminId }, transaction)).ToDictionary(e => (e.AnmeldungId, e.ZeitId), e => e.Anwesend == 1);

        var jetzt = clock.ToLocal(clock.UtcNow).ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var fenster = zeiten.Select((z, i) => new Zeitfenster(
            z.Id, i + 1, z.Beginn, z.Ende, z.Ort ?? "online", string.CompareOrdinal(z.Beginn, jetzt) <= 0,
            personen.Any(p => eintraege.ContainsKey((p.Id, z.Id))))).ToList();
        var zeilen = personen.Select(p =>
        {
            var anwesend = zeiten.Select(z => eintraege.TryGetValue((p.Id, z.Id), out var da) ? da : (bool?)null).ToList();
            var anteil = TeilnahmeRegeln.Anteil(Teiltermine(fenster, anwesend));
            return new AnwesenheitZeile(p.Id, $"{p.Nachname}, {p.Vorname}", p.Status, TeilnahmeRegeln.StatusText(p.Status), anwesend, anteil, TeilnahmeRegeln.Prozent(anteil));
        }).ToList();
        var kommune = kopf.KommuneAgs is { } ags ? deployment.MunicipalityName(ags) : null;
        return new TerminAnwesenheit(terminId, kopf.Titel, kommune, kopf.Status, Lebenszyklen.Termin.Label(kopf.Status), fenster, zeilen);
    }

    /// <summary>The attendance of each seat holder per appointment, for deriving states and certificates.</summary>
    public static IReadOnlyList<Teiltermin> Teiltermine(TerminAnwesenheit liste, AnwesenheitZeile zeile) => Teiltermine(liste.Zeiten, zeile.Anwesend);

    private static List<Teiltermin> Teiltermine(IReadOnlyList<Zeitfenster> zeiten, IReadOnlyList<bool?> anwesend)
        => zeiten.Select((z, i) => new Teiltermin(TeilnahmeRegeln.Minuten(z.Beginn, z.Ende), anwesend[i])).ToList();
}
