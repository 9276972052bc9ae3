using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Modules.Schulungen.Domain;
using MediatR;

namespace IntegrationsPlattform.Modules.Schulungen.Features.Kurse;

/// <summary>Changes a course's description; an archived course is kept as it was.</summary>
internal sealed record UpdateKurs(
    string Id, string? Titel, string? Beschreibung, string? Lernziele, string? Zielgruppe, string? Format, int? Unterrichtseinheiten, decimal? Stunden, string? Voraussetzungen)
    : ICommand<Done>, IKursDaten;

internal sealed class UpdateKursHandler(IModuleDatabase<SchulungenModule> database, ILocalClock clock) : IRequestHandler<UpdateKurs, Done>
{
    public async Task<Done> Handle(UpdateKurs request, CancellationToken cancellationToken)
    {
        var tx = database.Transaction;
        if (await KursSchreiben.StatusAsync(tx, request.Id) == "archiviert")
        {
            throw new DomainRuleException($"Kurs: Ein archivierter Kurs wird nicht mehr geändert. Bitte ihn erst wieder auf „{Lebenszyklen.Kurs.Label("veroeffentlicht")}“ setzen.");
        }

        await KursSchreiben.MitFreiemTitelAsync(() => tx.Connection.ExecuteAsync(
            """
            UPDATE kurse SET titel = @titel, beschreibung = @beschreibung, lernziele = @lernziele, zielgruppe = @zielgruppe, format = @format,
                unterrichtseinheiten = @unterrichtseinheiten, stunden = @stunden, voraussetzungen = @voraussetzungen, geaendert_am = @jetzt
            WHERE id = @id
            """,
            KursSchreiben.Werte(request.Id, request, GermanFormat.StoredInstant(clock.UtcNow)), tx.Sql));
        return Done.Value;
    }
}
