using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using MediatR;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Berichte;

internal sealed record GetLotsenBericht(int Jahr, int? Quartal) : IQuery<LotsenBericht>;

internal sealed class GetLotsenBerichtValidator(ILocalClock clock) : IValidator<GetLotsenBericht>
{
    public Task<IReadOnlyList<FieldError>> ValidateAsync(GetLotsenBericht request, CancellationToken cancellationToken)
    {
        var fehler = new List<FieldError>();
        if (request.Jahr < 2000 || request.Jahr > clock.Today.Year + 1)
        {
            fehler.Add(new FieldError("jahr", $"Bitte ein Jahr zwischen 2000 und {clock.Today.Year + 1} wählen."));
        }

        if (request.Quartal is < 1 or > 4)
        {
            fehler.Add(new FieldError("quartal", "Das Quartal ist 1, 2, 3 oder 4."));
        }

        return Task.FromResult<IReadOnlyList<FieldError>>(fehler);
    }
}

internal sealed class GetLotsenBerichtHandler(IModuleDatabase<LotsenModule> database, ILocalClock clock, IAuditTrail audit) : IRequestHandler<GetLotsenBericht, LotsenBericht>
{
    private const string Ausgang = """
        count(*) AS Gesamt,
        sum(a.status = 'offen') AS Offen, sum(a.status = 'vermittelt') AS Vermittelt,
        sum(a.status = 'erledigt') AS Erledigt, sum(a.status = 'abgebrochen') AS Abgebrochen
        """;

    public async Task<LotsenBericht> Handle(GetLotsenBericht request, CancellationToken cancellationToken)
    {
        var zeitraum = new Berichtszeitraum(request.Jahr, request.Quartal);
        var p = new
        {
            von = GermanFormat.StoredInstant(clock.ToUtc(zeitraum.Von, TimeOnly.MinValue)),
            bis = GermanFormat.StoredInstant(clock.ToUtc(zeitraum.Bis.AddDays(1), TimeOnly.MinValue)),
            jahrVon = GermanFormat.StoredInstant(clock.ToUtc(new DateOnly(request.Jahr, 1, 1), TimeOnly.MinValue)),
            jahrBis = GermanFormat.StoredInstant(clock.ToUtc(new DateOnly(request.Jahr + 1, 1, 1), TimeOnly.MinValue)),
        };
        await using var connection = await database.OpenAsync(cancellationToken);
        using var r = await connection.QueryMultipleAsync(
            $"""
            SELECT k.ags AS Schluessel, count(*) AS Anzahl FROM lotse_kommunen k JOIN lotsen l ON l.id = k.lotse_id WHERE l.status = 'aktiv' GROUP BY k.ags ORDER BY k.ags;
            SELECT s.code AS Schluessel, count(*) AS Anzahl FROM lotse_sprachen s JOIN lotsen l ON l.id = s.lotse_id WHERE l.status = 'aktiv' GROUP BY s.code ORDER BY Anzahl DESC, s.code;
            SELECT a.thema AS Schluessel, {Ausgang} FROM anfragen a WHERE a.angelegt_am >= @von AND a.angelegt_am < @bis GROUP BY a.thema ORDER BY Gesamt DESC;
            SELECT s.code AS Schluessel, {Ausgang} FROM anfragen a JOIN anfrage_sprachen s ON s.anfrage_id = a.id
                WHERE a.angelegt_am >= @von AND a.angelegt_am < @bis GROUP BY s.code ORDER BY Gesamt DESC;
            SELECT a.kommune_ags AS Schluessel, {Ausgang} FROM anfragen a WHERE a.angelegt_am >= @von AND a.angelegt_am < @bis GROUP BY a.kommune_ags ORDER BY a.kommune_ags;
            SELECT e.beginn, e.dauer_minuten, e.fahrt_km, e.lotse_id FROM einsaetze e
                WHERE e.status = 'durchgefuehrt' AND e.beginn >= @jahrVon AND e.beginn < @jahrBis;
            SELECT l.id AS LotseId, l.vorname, l.nachname, count(*) AS Einsaetze, sum(e.dauer_minuten) AS Minuten, sum(e.fahrt_km) AS Kilometer
                FROM einsaetze e JOIN lotsen l ON l.id = e.lotse_id
                WHERE e.status = 'durchgefuehrt' AND e.beginn >= @von AND e.beginn < @bis
                GROUP BY l.id ORDER BY l.nachname, l.vorname;
            """,
            p);
        // Aggregates are read as tuples: on an empty result SQLite reports expression columns as blobs, which Dapper's record mapping refuses.
        async Task<List<AnzahlZeile>> Anzahlen() => (await r.ReadAsync<(string, long)>()).Select(z => new AnzahlZeile(z.Item1, z.Item2)).ToList();
        async Task<List<AnfragenZeile>> Ausgaenge() => (await r.ReadAsync<(string, long, long, long, long, long)>())
            .Select(z => new AnfragenZeile(z.Item1, z.Item2, z.Item3, z.Item4, z.Item5, z.Item6)).ToList();
        var aktiveJeKommune = await Anzahlen();
        var aktiveJeSprache = await Anzahlen();
        var jeThema = await Ausgaenge();
        var jeSprache = await Ausgaenge();
        var jeKommune = await Ausgaenge();

        // Quarters by the local date of the assignment, so that New Year's Eve night counts in Q4.
        var einsaetze = await r.ReadAsync<(string Beginn, long Minuten, double Km, string LotseId)>();
        var quartale = einsaetze
            .GroupBy(e => (clock.ToLocal(GermanFormat.ParseStoredInstant(e.Beginn)).Month - 1) / 3 + 1)
            .ToDictionary(g => g.Key, g => new QuartalZeile(g.Key, g.Count(), g.Sum(e => e.Minuten), g.Sum(e => e.Km), g.Select(e => e.LotseId).Distinct().Count()));
        var stundenJeQuartal = Enumerable.Range(1, 4).Select(q => quartale.GetValueOrDefault(q) ?? new QuartalZeile(q, 0, 0, 0, 0)).ToList();
        var stundenJeLotse = (await r.ReadAsync<(string, string, string, long, long, double)>())
            .Select(z => new LotseStundenZeile(z.Item1, z.Item2, z.Item3, z.Item4, z.Item5, z.Item6)).ToList();

        await audit.RecordAsync(new AuditEntry(AuditAction.List, "Lotse", null, $"Bericht {zeitraum.Text}: Stunden von {stundenJeLotse.Count} Lotsen"), cancellationToken);
        return new LotsenBericht(zeitraum, aktiveJeKommune, aktiveJeSprache, jeThema, jeSprache, jeKommune, stundenJeQuartal, stundenJeLotse);
    }
}
