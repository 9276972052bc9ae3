using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Modules.Schulungen.Domain;
using MediatR;

namespace IntegrationsPlattform.Modules.Schulungen.Features.Kurse;

/// <summary>One course with the statuses it may change to.</summary>
internal sealed record GetKurs(string Id) : IQuery<KursDetail>;

internal sealed class GetKursHandler(IModuleDatabase<SchulungenModule> database) : IRequestHandler<GetKurs, KursDetail>
{
    private sealed record Zeile(
        string Id, string Titel, string Beschreibung, string Lernziele, string Zielgruppe, string Format, long Unterrichtseinheiten, double Stunden,
        string? Voraussetzungen, string Status, string StatusSeit, long Termine, string AngelegtAm, string GeaendertAm);

    public async Task<KursDetail> Handle(GetKurs request, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var k = await connection.QuerySingleOrDefaultAsync<Zeile>(
            """
            SELECT id, titel, beschreibung, lernziele, zielgruppe, format, unterrichtseinheiten, stunden, voraussetzungen, status,
                   status_seit AS StatusSeit, (SELECT count(*) FROM termine t WHERE t.kurs_id = kurse.id) AS termine,
                   angelegt_am AS AngelegtAm, geaendert_am AS GeaendertAm
            FROM kurse WHERE id = @id
            """,
            new { id = request.Id }) ?? throw new RecordNotFoundException("Kurs nicht gefunden.");
        return new KursDetail(
            k.Id, k.Titel, k.Beschreibung, k.Lernziele, k.Zielgruppe, k.Format, KursRegeln.FormatText(k.Format), (int)k.Unterrichtseinheiten, (decimal)k.Stunden,
            k.Voraussetzungen, k.Status, Lebenszyklen.Kurs.Label(k.Status), k.StatusSeit,
            Lebenszyklen.Kurs.Successors(k.Status).Select(s => s.Key).ToList(), (int)k.Termine, k.AngelegtAm, k.GeaendertAm);
    }
}
