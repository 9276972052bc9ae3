using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Modules.Schulungen.Pages.Anwesenheit;
using MediatR;

namespace IntegrationsPlattform.Modules.Schulungen.Features.Bescheinigungen;

/// <summary>One certificate with what it states, for its page, its PDF and the withdrawal.</summary>
internal sealed record GetBescheinigung(string Id) : IQuery<BescheinigungDetail>;

internal sealed class GetBescheinigungHandler(IModuleDatabase<SchulungenModule> database, IAuditTrail audit, DeploymentInfo deployment)
    : IRequestHandler<GetBescheinigung, BescheinigungDetail>
{
    private sealed class Zeile
    {
        public string Id { get; init; } = "";
        public string Code { get; init; } = "";
        public string TerminId { get; init; } = "";
        public string? Vorname { get; init; }
        public string? Nachname { get; init; }
        public string Initialen { get; init; } = "";
        public string Titel { get; init; } = "";
        public string Lernziele { get; init; } = "";
        public long Unterrichtseinheiten { get; init; }
        public double Stunden { get; init; }
        public string? KommuneAgs { get; init; }
        public string AusgestelltAm { get; init; } = "";
        public string? ZurueckgezogenAm { get; init; }
        public string? RueckzugGrund { get; init; }
    }

    private sealed class Zeit
    {
        public string Beginn { get; init; } = "";
        public string Ende { get; init; } = "";
    }

    public async Task<BescheinigungDetail> Handle(GetBescheinigung request, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var b = await connection.QuerySingleOrDefaultAsync<Zeile>(
            """
            SELECT b.id AS Id, b.code AS Code, b.termin_id AS TerminId, p.vorname AS Vorname, p.nachname AS Nachname, b.initialen AS Initialen,
                   k.titel AS Titel, k.lernziele AS Lernziele, k.unterrichtseinheiten AS Unterrichtseinheiten, k.stunden AS Stunden,
                   t.kommune_ags AS KommuneAgs, b.ausgestellt_am AS AusgestelltAm, b.zurueckgezogen_am AS ZurueckgezogenAm, b.rueckzug_grund AS RueckzugGrund
            FROM bescheinigungen b
            JOIN termine t ON t.id = b.termin_id JOIN kurse k ON k.id = t.kurs_id
            LEFT JOIN anmeldungen a ON a.id = b.anmeldung_id LEFT JOIN teilnehmende p ON p.id = a.teilnehmende_id
            WHERE b.id = @id
            """,
            new { id = request.Id }) ?? throw new RecordNotFoundException("Diese Bescheinigung gibt es nicht.");
        var zeiten = await connection.QueryAsync<Zeit>(
            "SELECT beginn AS Beginn, ende AS Ende FROM termin_zeiten WHERE termin_id = @termin ORDER BY beginn", new { termin = b.TerminId });
        await audit.RecordAsync(new AuditEntry(AuditAction.View, "Bescheinigung", b.Id), cancellationToken);
        return new BescheinigungDetail(
            b.Id, b.Code, b.TerminId, b.Vorname is null ? null : $"{b.Vorname} {b.Nachname}", b.Initialen, b.Titel, b.Lernziele,
            (int)b.Unterrichtseinheiten, (decimal)b.Stunden, b.KommuneAgs is { } ags ? deployment.MunicipalityName(ags) : null,
            zeiten.Select(z => AnwesenheitAnzeige.Zeitraum(z.Beginn, z.Ende)).ToList(), b.AusgestelltAm, b.ZurueckgezogenAm, b.RueckzugGrund);
    }
}
