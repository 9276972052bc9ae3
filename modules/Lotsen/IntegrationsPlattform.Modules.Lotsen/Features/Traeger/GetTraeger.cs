using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Modules.Lotsen.Domain;
using MediatR;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Traeger;

/// <summary>One Träger with its contact person, contacts log, status history and agreements.</summary>
internal sealed record GetTraeger(string Id) : IQuery<TraegerDetail>;

internal sealed class GetTraegerHandler(IModuleDatabase<LotsenModule> database, ILocalClock clock, IAuditTrail audit) : IRequestHandler<GetTraeger, TraegerDetail>
{
    private sealed record Zeile(string Id, string Name, string? Ansprechperson, string? Email, string? Telefon, string Status, string StatusSeit, string? Notiz, string AngelegtAm);

    private sealed record VereinbarungRow(string Id, string Beginn, string? Ende, string? Foerderung, string AngelegtAm, string? BeendetAm);

    public async Task<TraegerDetail> Handle(GetTraeger request, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var t = await connection.QuerySingleOrDefaultAsync<Zeile>(
            "SELECT id, name, ansprechperson, email, telefon, status, status_seit AS StatusSeit, notiz, angelegt_am AS AngelegtAm FROM traeger WHERE id = @id",
            new { id = request.Id }) ?? throw new RecordNotFoundException("Träger nicht gefunden.");

        var kommunen = (await connection.QueryAsync<string>("SELECT ags FROM traeger_kommunen WHERE traeger_id = @id ORDER BY ags", new { id = t.Id })).ToList();
        var kontakte = await TraegerKontakte.LadeAsync(connection, t.Id);
        var verlauf = (await connection.QueryAsync<(string? Von, string Nach, string Am, string Durch, string? Grund)>(
                "SELECT von, nach, am, durch, grund FROM traeger_status_verlauf WHERE traeger_id = @id ORDER BY am DESC, rowid DESC", new { id = t.Id }))
            .Select(v => new StatusVerlaufZeile(v.Von, v.Nach, Lebenszyklen.Traeger.Label(v.Nach), v.Am, v.Durch, v.Grund)).ToList();
        var vereinbarungen = (await connection.QueryAsync<VereinbarungRow>(
            "SELECT id, beginn, ende, foerderung, angelegt_am AS AngelegtAm, beendet_am AS BeendetAm FROM vereinbarungen WHERE traeger_id = @id ORDER BY beginn DESC", new { id = t.Id })).ToList();
        var vereinbarungKommunen = (await connection.QueryAsync<(string VereinbarungId, string Ags)>(
            "SELECT vk.vereinbarung_id, vk.ags FROM vereinbarung_kommunen vk JOIN vereinbarungen v ON v.id = vk.vereinbarung_id WHERE v.traeger_id = @id ORDER BY vk.ags", new { id = t.Id }))
            .ToLookup(v => v.VereinbarungId, v => v.Ags);

        bool Laeuft(VereinbarungRow v) => TraegerRegeln.Laeuft(v.BeendetAm is not null, v.Ende is null ? null : GermanFormat.ParseStoredDay(v.Ende), clock.Today);

        await audit.RecordAsync(new AuditEntry(AuditAction.View, "Traeger", t.Id), cancellationToken);
        return new TraegerDetail(
            t.Id, t.Name, t.Ansprechperson, t.Email, t.Telefon, t.Status, Lebenszyklen.Traeger.Label(t.Status), t.StatusSeit, t.Notiz, t.AngelegtAm, kommunen,
            TraegerRegeln.WaehlbareStatus(t.Status).Select(s => s.Key).ToList(),
            TraegerRegeln.VereinbarungMoeglich(t.Status, vereinbarungen.Any(Laeuft)),
            kontakte, verlauf,
            vereinbarungen.Select(v => new VereinbarungZeile(v.Id, v.Beginn, v.Ende, v.Foerderung, v.AngelegtAm, v.BeendetAm, vereinbarungKommunen[v.Id].ToList(), Laeuft(v))).ToList());
    }
}
