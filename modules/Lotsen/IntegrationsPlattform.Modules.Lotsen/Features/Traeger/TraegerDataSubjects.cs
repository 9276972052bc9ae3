using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Dsgvo;
using IntegrationsPlattform.Modules.Lotsen.Domain;
using MediatR;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Traeger;

/// <summary>
/// DSGVO requests for the contact persons of Träger candidates: found by name or e-mail; the export holds
/// the contact data and the contacts log; erasure blanks the contact person and the log's notes, while the
/// organisation, its status history and agreements stay.
/// </summary>
internal sealed class TraegerDataSubjects(IModuleDatabase<LotsenModule> database, IMediator mediator) : IDataSubjectHandler
{
    public const string RecordType = "Traeger-Ansprechperson";

    private sealed record Zeile(string Id, string Name, string? Ansprechperson, string? Email, string? Telefon);

    public async Task<IReadOnlyList<DataSubjectRecord>> FindAsync(DataSubjectQuery query, CancellationToken cancellationToken)
    {
        var name = string.IsNullOrWhiteSpace(query.Name) ? null : query.Name.Trim();
        var email = string.IsNullOrWhiteSpace(query.Email) ? null : query.Email.Trim();
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Zeile>(
            """
            SELECT id, name, ansprechperson, email, telefon FROM traeger
            WHERE (@name IS NOT NULL AND ansprechperson LIKE '%' || @name || '%')
               OR (@email IS NOT NULL AND email = @email COLLATE NOCASE)
            ORDER BY name
            """,
            new { name, email });
        return rows.Select(r => new DataSubjectRecord(RecordType, r.Id, r.Ansprechperson ?? r.Email ?? "–", $"Ansprechperson des Trägers „{r.Name}“")).ToList();
    }

    public async Task<DataSubjectExport> ExportAsync(DataSubjectRecord record, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var t = await connection.QuerySingleAsync<Zeile>("SELECT id, name, ansprechperson, email, telefon FROM traeger WHERE id = @id", new { id = record.RecordId });
        var fields = new Dictionary<string, string?>
        {
            ["Träger"] = t.Name,
            ["Ansprechperson"] = t.Ansprechperson,
            ["E-Mail"] = t.Email,
            ["Telefon"] = t.Telefon,
        };
        foreach (var (kontakt, i) in (await TraegerKontakte.LadeAsync(connection, t.Id)).Select((k, i) => (k, i + 1)))
        {
            fields[$"Kontakt {i}"] = $"{kontakt.Datum}, {Kontaktkanaele.Text(kontakt.Kanal)}: {kontakt.Notiz}";
        }

        return new DataSubjectExport(RecordType, t.Id, fields);
    }

    public Task EraseAsync(DataSubjectRecord record, CancellationToken cancellationToken)
        => mediator.Send(new DeleteAnsprechperson(record.RecordId), cancellationToken);
}
