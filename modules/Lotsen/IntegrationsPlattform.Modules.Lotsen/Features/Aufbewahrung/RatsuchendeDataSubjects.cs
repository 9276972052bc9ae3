using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Dsgvo;
using MediatR;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Aufbewahrung;

/// <summary>
/// Data-subject requests of people seeking advice. The module knows them only by pseudonym or initials
/// and an optional contact, so a request is found by exactly that pseudonym or by the contact (e.g. an
/// e-mail address or phone number given for the request). Erasure anonymises like the retention run.
/// </summary>
internal sealed class RatsuchendeDataSubjects(IModuleDatabase<LotsenModule> database, IMediator mediator, LotsenSettings settings) : IDataSubjectHandler
{
    private const string Art = "Lotsen-Anfrage";

    public async Task<IReadOnlyList<DataSubjectRecord>> FindAsync(DataSubjectQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Id, string Kennung, string Thema, string Angelegt)>(
            """
            SELECT id, kennung, thema, angelegt_am FROM anfragen
            WHERE anonymisiert_am IS NULL
              AND ((@name IS NOT NULL AND kennung = @name COLLATE NOCASE) OR (@email IS NOT NULL AND kontakt LIKE '%' || @email || '%'))
            """,
            new { name = query.Name?.Trim(), email = query.Email?.Trim() });
        return rows.Select(r => new DataSubjectRecord(Art, r.Id, r.Kennung, $"Anfrage zum Thema {settings.ThemaText(r.Thema)} vom {r.Angelegt[..10]}")).ToList();
    }

    public async Task<DataSubjectExport> ExportAsync(DataSubjectRecord record, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var a = await connection.QuerySingleAsync<(string? Kennung, string? Kontakt, string Thema, string? Ziel, string Ags, string Von, string Bis, string Status, string Angelegt)>(
            "SELECT kennung, kontakt, thema, ziel, kommune_ags, datum_von, datum_bis, status, angelegt_am FROM anfragen WHERE id = @id", new { id = record.RecordId });
        var sprachen = await connection.QueryAsync<string>("SELECT code FROM anfrage_sprachen WHERE anfrage_id = @id", new { id = record.RecordId });
        var log = await connection.QueryAsync<(string Am, string Art, string? Notiz)>("SELECT am, art, notiz FROM anfrage_aktivitaeten WHERE anfrage_id = @id ORDER BY am, rowid", new { id = record.RecordId });
        var einsaetze = await connection.QueryAsync<(string Beginn, long Dauer, string Status)>("SELECT beginn, dauer_minuten, status FROM einsaetze WHERE anfrage_id = @id ORDER BY beginn", new { id = record.RecordId });
        return new DataSubjectExport(Art, record.RecordId, new Dictionary<string, string?>
        {
            ["Kürzel"] = a.Kennung,
            ["Kontakt"] = a.Kontakt,
            ["Thema"] = settings.ThemaText(a.Thema),
            ["Ziel"] = a.Ziel,
            ["Kommune (AGS)"] = a.Ags,
            ["Zeitraum"] = $"{a.Von} bis {a.Bis}",
            ["Sprachen"] = string.Join(", ", sprachen),
            ["Status"] = a.Status,
            ["Aufgenommen am"] = a.Angelegt,
            ["Verlauf"] = string.Join(" | ", log.Select(l => $"{l.Am} {l.Art}{(l.Notiz is null ? "" : ": " + l.Notiz)}")),
            ["Einsätze"] = string.Join(" | ", einsaetze.Select(e => $"{e.Beginn} {e.Dauer} min {e.Status}")),
        });
    }

    public Task EraseAsync(DataSubjectRecord record, CancellationToken cancellationToken)
        => mediator.Send(new AnonymizeAnfragen([record.RecordId], null), cancellationToken);
}
