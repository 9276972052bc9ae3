using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Modules.Schulungen.Domain;
using MediatR;

namespace IntegrationsPlattform.Modules.Schulungen.Features.Termine;

/// <summary>One session with its appointments, trainers, seats taken and the statuses it may change to; outside the user's scope it does not exist.</summary>
internal sealed record GetTermin(string Id) : IQuery<TerminDetail>;

internal sealed class GetTerminHandler(IModuleDatabase<SchulungenModule> database, ICurrentUser user) : IRequestHandler<GetTermin, TerminDetail>
{
    private sealed class Zeile
    {
        public string Id { get; init; } = "";
        public string KursId { get; init; } = "";
        public string Kurs { get; init; } = "";
        public string KursFormat { get; init; } = "";
        public string? Kommune { get; init; }
        public long Kapazitaet { get; init; }
        public long MaxWarteliste { get; init; }
        public string Anmeldeschluss { get; init; } = "";
        public string Status { get; init; } = "";
        public string StatusSeit { get; init; } = "";
        public string? AbsageGrund { get; init; }
        public string? Notiz { get; init; }
        public long KalenderSequenz { get; init; }
        public long Plaetze { get; init; }
        public long Wartend { get; init; }
    }

    public async Task<TerminDetail> Handle(GetTermin request, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var t = await connection.QuerySingleOrDefaultAsync<Zeile>(
            """
            SELECT t.id, t.kurs_id AS KursId, k.titel AS Kurs, k.format AS KursFormat, t.kommune_ags AS Kommune, t.kapazitaet, t.max_warteliste AS MaxWarteliste,
                   t.anmeldeschluss, t.status, t.status_seit AS StatusSeit, t.absage_grund AS AbsageGrund, t.notiz, t.kalender_sequenz AS KalenderSequenz,
                   (SELECT count(*) FROM anmeldungen a WHERE a.termin_id = t.id AND a.status IN @platz) AS Plaetze,
                   (SELECT count(*) FROM anmeldungen a WHERE a.termin_id = t.id AND a.status = 'warteliste') AS Wartend
            FROM termine t JOIN kurse k ON k.id = t.kurs_id WHERE t.id = @id
            """,
            new { id = request.Id, platz = TerminRegeln.PlatzStatus }) ?? throw new RecordNotFoundException("Termin nicht gefunden.");
        var trainer = (await connection.QueryAsync<(string Id, string Name, string? Benutzername)>(
            "SELECT tr.id, tr.name, tr.benutzername FROM termin_trainer tt JOIN trainer tr ON tr.id = tt.trainer_id WHERE tt.termin_id = @id ORDER BY tr.name", new { id = t.Id })).ToList();
        if (!TerminBereich.CanRead(TerminBereich.Of(user), user, t.Kommune, trainer.Where(x => x.Benutzername is not null).Select(x => x.Benutzername!).ToList()))
        {
            throw new RecordNotFoundException("Termin nicht gefunden.");
        }

        var zeiten = (await connection.QueryAsync<ZeitZeile>(
            "SELECT id, beginn, ende, ort, online_link AS OnlineLink FROM termin_zeiten WHERE termin_id = @id ORDER BY beginn", new { id = t.Id })).ToList();
        return new TerminDetail(
            t.Id, t.KursId, t.Kurs, t.KursFormat, t.Kommune, (int)t.Kapazitaet, (int)t.MaxWarteliste, (int)t.Plaetze, (int)t.Wartend, t.Anmeldeschluss,
            t.Status, Lebenszyklen.Termin.Label(t.Status), t.StatusSeit, t.AbsageGrund, t.Notiz, (int)t.KalenderSequenz,
            zeiten, trainer.Select(x => new TrainerKurz(x.Id, x.Name)).ToList(), Lebenszyklen.Termin.Successors(t.Status).Select(s => s.Key).ToList());
    }
}
