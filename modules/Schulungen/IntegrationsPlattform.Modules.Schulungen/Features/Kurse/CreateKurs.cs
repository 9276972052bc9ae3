using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Modules.Schulungen.Domain;
using MediatR;

namespace IntegrationsPlattform.Modules.Schulungen.Features.Kurse;

/// <summary>A new course in the catalogue; it starts as „Entwurf“.</summary>
internal sealed record CreateKurs(
    string? Titel, string? Beschreibung, string? Lernziele, string? Zielgruppe, string? Format, int? Unterrichtseinheiten, decimal? Stunden, string? Voraussetzungen)
    : ICommand<string>, IKursDaten;

internal sealed class CreateKursHandler(IModuleDatabase<SchulungenModule> database, ILocalClock clock) : IRequestHandler<CreateKurs, string>
{
    public async Task<string> Handle(CreateKurs request, CancellationToken cancellationToken)
    {
        var tx = database.Transaction;
        var id = Guid.CreateVersion7().ToString();
        var werte = new DynamicParameters(KursSchreiben.Werte(id, request, GermanFormat.StoredInstant(clock.UtcNow)));
        werte.Add("status", Lebenszyklen.Kurs.Start.Key);
        await KursSchreiben.MitFreiemTitelAsync(() => tx.Connection.ExecuteAsync(
            """
            INSERT INTO kurse (id, titel, beschreibung, lernziele, zielgruppe, format, unterrichtseinheiten, stunden, voraussetzungen, status, status_seit, angelegt_am, geaendert_am)
            VALUES (@id, @titel, @beschreibung, @lernziele, @zielgruppe, @format, @unterrichtseinheiten, @stunden, @voraussetzungen, @status, @jetzt, @jetzt, @jetzt)
            """,
            werte, tx.Sql));
        return id;
    }
}
