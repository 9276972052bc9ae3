using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Contracts.Web;
using IntegrationsPlattform.Modules.Lotsen.Domain;
using MediatR;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Lotsen;

internal sealed record ExportLotsen(LotsenFilter Filter) : IQuery<byte[]>;

internal sealed class ExportLotsenHandler(IModuleDatabase<LotsenModule> database, ICurrentUser user, IAuditTrail audit, DeploymentInfo deployment, LotsenSettings settings)
    : IRequestHandler<ExportLotsen, byte[]>
{
    public async Task<byte[]> Handle(ExportLotsen request, CancellationToken cancellationToken)
    {
        var (where, p) = LotsenSql.Bedingungen(request.Filter, RecordScope.Of(user, LotsenModule.Lesen));
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = (await connection.QueryAsync<(string Id, string Vorname, string Nachname, string Status, string StatusSeit, string EinwilligungBis, string? Basis)>(
            $"""
            SELECT l.id, l.vorname, l.nachname, l.status, l.status_seit, l.einwilligung_bis,
                   (SELECT max(q.datum) FROM lotse_qualifikationen q WHERE q.lotse_id = l.id AND q.art = 'basisqualifizierung')
            FROM lotsen l WHERE {where} ORDER BY l.nachname COLLATE NOCASE, l.vorname COLLATE NOCASE
            """, p)).ToList();
        var listen = await LotsenListen.LadenAsync(connection, rows.Select(r => r.Id).ToList());
        var csv = CsvExport.Write(
            ["Nachname", "Vorname", "Status", "Sprachen", "Kommunen", "Themen", "Basisqualifizierung", "Einwilligung bis"],
            rows.Select(r => (IReadOnlyList<string?>)
            [
                r.Nachname,
                r.Vorname,
                Lebenszyklen.Lotse.Label(r.Status),
                string.Join(", ", listen.Sprachen(r.Id).Select(Languages.GermanName)),
                string.Join(", ", listen.Kommunen(r.Id).Select(a => deployment.MunicipalityName(a))),
                string.Join(", ", listen.Themen(r.Id).Select(settings.ThemaText)),
                r.Basis is null ? "" : GermanFormat.Day(GermanFormat.ParseStoredDay(r.Basis)),
                GermanFormat.Day(GermanFormat.ParseStoredDay(r.EinwilligungBis)),
            ]));
        await audit.RecordAsync(new AuditEntry(AuditAction.Export, "Lotse", null, $"CSV: {request.Filter.Beschreibung()}; {rows.Count} Zeilen"), cancellationToken);
        return csv;
    }
}
