using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Dsgvo;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Modules.Lotsen.Domain;
using IntegrationsPlattform.Modules.Lotsen.Features.Vermittlung;
using MediatR;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Lotsen;

/// <summary>Data-subject requests (DSGVO Art. 15/17) for Lotsen: find by name or e-mail, export everything held, erase.</summary>
internal sealed class LotsenDataSubjects(IModuleDatabase<LotsenModule> database, IMediator mediator, LotsenSettings settings, Matchingprofile profile) : IDataSubjectHandler
{
    public const string Geloescht = "gelöscht";
    private const string RecordType = "Lotse";

    public async Task<IReadOnlyList<DataSubjectRecord>> FindAsync(DataSubjectQuery query, CancellationToken cancellationToken)
    {
        var name = string.IsNullOrWhiteSpace(query.Name) ? null : query.Name.Trim();
        var email = string.IsNullOrWhiteSpace(query.Email) ? null : query.Email.Trim();
        if (name is null && email is null)
        {
            return [];
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Id, string Vorname, string Nachname, string Status, string Seit)>(
            """
            SELECT id, vorname, nachname, status, angelegt_am FROM lotsen
            WHERE NOT (vorname = @geloescht AND nachname = @geloescht AND email IS NULL AND telefon IS NULL)
              AND ((@name IS NOT NULL AND (vorname || ' ' || nachname LIKE '%' || @name || '%' OR nachname || ', ' || vorname LIKE '%' || @name || '%'))
                   OR (@email IS NOT NULL AND email = @email COLLATE NOCASE))
            ORDER BY nachname, vorname
            """,
            new { name, email, geloescht = Geloescht });
        return rows.Select(r => new DataSubjectRecord(RecordType, r.Id, $"{r.Vorname} {r.Nachname}",
            $"Integrationslotse, Status {Lebenszyklen.Lotse.Label(r.Status)}, erfasst am {GermanFormat.Day(DateOnly.FromDateTime(GermanFormat.ParseStoredInstant(r.Seit).UtcDateTime))}")).ToList();
    }

    public async Task<DataSubjectExport> ExportAsync(DataSubjectRecord record, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var d = await LotseLesen.LadenAsync(connection, record.RecordId) ?? throw new RecordNotFoundException("Diesen Lotsen gibt es nicht.");
        var fields = new Dictionary<string, string?>
        {
            ["Vorname"] = d.Vorname,
            ["Nachname"] = d.Nachname,
            ["E-Mail"] = d.Email,
            ["Telefon"] = d.Telefon,
            ["Wohnort (AGS)"] = d.WohnortAgs,
            ["Status"] = Lebenszyklen.Lotse.Label(d.Status),
            ["Status seit"] = d.StatusSeit,
            ["Vermittelt durch"] = Vermittlung.Text(d.VermitteltDurch) + (d.TraegerName is null ? "" : $" ({d.TraegerName})"),
            ["Benutzername"] = d.Benutzername,
            ["Einwilligung am"] = d.EinwilligungAm,
            ["Einwilligung Version"] = d.EinwilligungVersion,
            ["Einwilligung gültig bis"] = d.EinwilligungBis,
            ["Erinnerung an die Einwilligung am"] = d.ErinnerungAm,
            ["Sprachen"] = string.Join("; ", d.Sprachen.Select(s => $"{Languages.GermanName(s.Code)} ({s.Code}): {SprachniveauTexte.Parse(s.Niveau)?.Text() ?? s.Niveau}")),
            ["Themen"] = string.Join("; ", d.Themen.Select(settings.ThemaText)),
            ["Kommunen (AGS)"] = string.Join("; ", d.Kommunen),
            ["Verfügbarkeit"] = string.Join("; ", d.Verfuegbarkeit.Select(f => $"{Verfuegbarkeit.Wochentag(f.Wochentag)} {f.Von}–{f.Bis}")),
            ["Qualifikationen"] = string.Join("; ", d.Qualifikationen.Select(q => $"{Qualifikationen.Text(q.Art)} am {q.Datum} ({q.Anbieter})")),
            ["Statusverlauf"] = string.Join("; ", d.Verlauf.Select(v => $"{v.Am}: {(v.Von is null ? "" : Lebenszyklen.Lotse.Label(v.Von) + " → ")}{Lebenszyklen.Lotse.Label(v.Nach)} durch {v.Durch}{(v.Grund is null ? "" : $" ({v.Grund})")}")),
            ["Angelegt am"] = d.AngelegtAm,
            ["Geändert am"] = d.GeaendertAm,
        };
        return new DataSubjectExport(RecordType, record.RecordId, fields);
    }

    public async Task EraseAsync(DataSubjectRecord record, CancellationToken cancellationToken)
    {
        await mediator.Send(new AnonymizeLotse(record.RecordId), cancellationToken);
        profile.Vergessen();
    }
}
