using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Modules.Schulungen.Domain;
using IntegrationsPlattform.Modules.Schulungen.Features.Anwesenheit;
using MediatR;
using Microsoft.Data.Sqlite;

namespace IntegrationsPlattform.Modules.Schulungen.Features.Bescheinigungen;

/// <summary>The seat holders of a session with their share attended, whether each gets a certificate, and those issued.</summary>
internal sealed record ListTerminBescheinigungen(string TerminId) : IQuery<TerminBescheinigungen>;

internal sealed class ListTerminBescheinigungenHandler(IModuleDatabase<SchulungenModule> database, IAuditTrail audit, ILocalClock clock, DeploymentInfo deployment, SchulungenSettings settings)
    : IRequestHandler<ListTerminBescheinigungen, TerminBescheinigungen>
{
    public async Task<TerminBescheinigungen> Handle(ListTerminBescheinigungen request, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var liste = await BescheinigungenLesen.LadenAsync(connection, request.TerminId, clock, deployment, settings);
        await audit.RecordAsync(new AuditEntry(AuditAction.List, "Bescheinigung", request.TerminId, $"Bescheinigungen eines Termins: {liste.Zeilen.Count} Teilnehmende"), cancellationToken);
        return liste;
    }
}

/// <summary>Reads a session's certificates; issuing reads them again inside its transaction.</summary>
internal static class BescheinigungenLesen
{
    private sealed class Ausgestellte
    {
        public string AnmeldungId { get; init; } = "";
        public string Id { get; init; } = "";
        public string Code { get; init; } = "";
        public string? ZurueckgezogenAm { get; init; }
    }

    public static async Task<TerminBescheinigungen> LadenAsync(
        SqliteConnection connection, string terminId, ILocalClock clock, DeploymentInfo deployment, SchulungenSettings settings, SqliteTransaction? transaction = null)
    {
        var anwesenheit = await AnwesenheitLesen.LadenAsync(connection, terminId, clock, deployment, transaction);
        var ausgestellt = (await connection.QueryAsync<Ausgestellte>(
            "SELECT anmeldung_id AS AnmeldungId, id AS Id, code AS Code, zurueckgezogen_am AS ZurueckgezogenAm FROM bescheinigungen WHERE termin_id = @terminId AND anmeldung_id IS NOT NULL",
            new { terminId }, transaction)).ToDictionary(b => b.AnmeldungId);
        var zeilen = anwesenheit.Teilnehmende.Select(t =>
        {
            var grund = TeilnahmeRegeln.KeineBescheinigung(AnwesenheitLesen.Teiltermine(anwesenheit, t), settings.MindestAnteil);
            var bescheinigung = ausgestellt.GetValueOrDefault(t.AnmeldungId);
            return new BescheinigungsZeile(
                t.AnmeldungId, t.Name, t.StatusText, t.AnteilText, grund is null, grund, bescheinigung?.Id, bescheinigung?.Code, bescheinigung?.ZurueckgezogenAm is not null);
        }).ToList();
        return new TerminBescheinigungen(terminId, anwesenheit.KursTitel, TeilnahmeRegeln.Prozent(settings.MindestAnteil), zeilen);
    }
}
