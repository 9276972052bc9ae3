using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Contracts.Web;
using IntegrationsPlattform.Modules.Lotsen.Domain;
using MediatR;
using Microsoft.Data.Sqlite;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Traeger;

/// <summary>The SQL of the Träger list, shared by the page/API list and the CSV export.</summary>
internal static class TraegerFilter
{
    public const string Where = """
        WHERE (@status IS NULL OR t.status = @status)
          AND (@kommune IS NULL OR EXISTS (SELECT 1 FROM traeger_kommunen k WHERE k.traeger_id = t.id AND k.ags = @kommune))
          AND (@suche IS NULL OR t.name LIKE '%' || @suche || '%' ESCAPE '\')
        """;

    public static object Parameter(string? status, string? kommune, string? suche) => new
    {
        status = string.IsNullOrEmpty(status) ? null : status,
        kommune = string.IsNullOrEmpty(kommune) ? null : kommune,
        suche = string.IsNullOrWhiteSpace(suche) ? null : suche.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_"),
    };

    /// <summary>For the audit trail: which filters, never the search text itself.</summary>
    public static string Beschreibung(string? status, string? kommune, string? suche, int treffer)
        => $"Filter Status={(string.IsNullOrEmpty(status) ? "alle" : status)}, Kommune={(string.IsNullOrEmpty(kommune) ? "alle" : kommune)}, Namenssuche={(string.IsNullOrWhiteSpace(suche) ? "nein" : "ja")}, {treffer} Treffer";

    /// <summary>The municipalities each Träger could cover, and those of its agreement running on <paramref name="heute"/>.</summary>
    public static async Task<(ILookup<string, string> Kommunen, ILookup<string, string> Aktiv)> KommunenAsync(SqliteConnection connection, IReadOnlyList<string> ids, string heute)
    {
        var kommunen = await connection.QueryAsync<(string TraegerId, string Ags)>(
            "SELECT traeger_id, ags FROM traeger_kommunen WHERE traeger_id IN @ids ORDER BY ags", new { ids });
        var aktiv = await connection.QueryAsync<(string TraegerId, string Ags)>(
            $"""
            SELECT v.traeger_id, vk.ags FROM vereinbarung_kommunen vk JOIN vereinbarungen v ON v.id = vk.vereinbarung_id
            WHERE vk.aktiv = 1 AND {Vereinbarungsende.Laeuft("v")} AND v.traeger_id IN @ids ORDER BY vk.ags
            """, new { ids, heute });
        return (kommunen.ToLookup(k => k.TraegerId, k => k.Ags), aktiv.ToLookup(k => k.TraegerId, k => k.Ags));
    }
}

internal sealed class ListeTraegerHandler(IModuleDatabase<LotsenModule> database, ILocalClock clock, IAuditTrail audit) : IRequestHandler<ListeTraeger, PagedList<TraegerZeile>>
{
    private sealed record Zeile(string Id, string Name, string Status, string StatusSeit);

    public async Task<PagedList<TraegerZeile>> Handle(ListeTraeger request, CancellationToken cancellationToken)
    {
        var groesse = Paging.PageSize(request.SeitenGroesse);
        var seite = Math.Max(1, request.Seite);
        var parameter = new DynamicParameters(TraegerFilter.Parameter(request.Status, request.Kommune, request.Suche));
        parameter.Add("take", groesse);
        parameter.Add("skip", Paging.Offset(seite, groesse));

        await using var connection = await database.OpenAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<int>($"SELECT count(*) FROM traeger t {TraegerFilter.Where}", parameter);
        var rows = (await connection.QueryAsync<Zeile>(
            $"SELECT t.id, t.name, t.status, t.status_seit AS StatusSeit FROM traeger t {TraegerFilter.Where} ORDER BY t.name COLLATE NOCASE LIMIT @take OFFSET @skip",
            parameter)).ToList();
        var (kommunen, aktiv) = await TraegerFilter.KommunenAsync(connection, rows.Select(r => r.Id).ToList(), Vereinbarungsende.Heute(clock));

        await audit.RecordAsync(new AuditEntry(AuditAction.List, "Traeger", null, TraegerFilter.Beschreibung(request.Status, request.Kommune, request.Suche, total)), cancellationToken);
        return new PagedList<TraegerZeile>(
            rows.Select(r => new TraegerZeile(r.Id, r.Name, r.Status, Lebenszyklen.Traeger.Label(r.Status), r.StatusSeit, kommunen[r.Id].ToList(), aktiv[r.Id].ToList())).ToList(),
            total, seite, groesse);
    }
}

internal sealed class ExportiereTraegerHandler(IModuleDatabase<LotsenModule> database, ILocalClock clock, IAuditTrail audit) : IRequestHandler<ExportiereTraeger, IReadOnlyList<TraegerExportZeile>>
{
    private sealed record Zeile(string Id, string Name, string Status, string StatusSeit, string? Ansprechperson, string? Email, string? Telefon, string? Notiz);

    public async Task<IReadOnlyList<TraegerExportZeile>> Handle(ExportiereTraeger request, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = (await connection.QueryAsync<Zeile>(
            $"""
            SELECT t.id, t.name, t.status, t.status_seit AS StatusSeit, t.ansprechperson, t.email, t.telefon, t.notiz
            FROM traeger t {TraegerFilter.Where} ORDER BY t.name COLLATE NOCASE
            """,
            TraegerFilter.Parameter(request.Status, request.Kommune, request.Suche))).ToList();
        var (kommunen, aktiv) = await TraegerFilter.KommunenAsync(connection, rows.Select(r => r.Id).ToList(), Vereinbarungsende.Heute(clock));

        await audit.RecordAsync(new AuditEntry(AuditAction.Export, "Traeger", null, "CSV-Export, " + TraegerFilter.Beschreibung(request.Status, request.Kommune, request.Suche, rows.Count)), cancellationToken);
        return rows.Select(r => new TraegerExportZeile(r.Id, r.Name, r.Status, r.StatusSeit, r.Ansprechperson, r.Email, r.Telefon, kommunen[r.Id].ToList(), aktiv[r.Id].ToList(), r.Notiz)).ToList();
    }
}

internal sealed class HoleTraegerHandler(IModuleDatabase<LotsenModule> database, ILocalClock clock, IAuditTrail audit) : IRequestHandler<HoleTraeger, TraegerDetail>
{
    private sealed record Zeile(string Id, string Name, string? Ansprechperson, string? Email, string? Telefon, string Status, string StatusSeit, string? Notiz, string AngelegtAm);

    private sealed record VereinbarungRow(string Id, string Beginn, string? Ende, string? Foerderung, string AngelegtAm, string? BeendetAm);

    public async Task<TraegerDetail> Handle(HoleTraeger request, CancellationToken cancellationToken)
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

internal static class TraegerKontakte
{
    private sealed record Zeile(string Id, string Datum, string Kanal, string Notiz, string ErfasstVon, string ErfasstAm);

    public static async Task<IReadOnlyList<KontaktZeile>> LadeAsync(SqliteConnection connection, string traegerId)
        => (await connection.QueryAsync<Zeile>(
                "SELECT id, datum, kanal, notiz, erfasst_von AS ErfasstVon, erfasst_am AS ErfasstAm FROM traeger_kontakte WHERE traeger_id = @id ORDER BY datum DESC, erfasst_am DESC, rowid DESC",
                new { id = traegerId }))
            .Select(k => new KontaktZeile(k.Id, k.Datum, k.Kanal, Kontaktkanaele.Text(k.Kanal), k.Notiz, k.ErfasstVon, k.ErfasstAm)).ToList();
}

internal sealed class ListeKontakteHandler(IModuleDatabase<LotsenModule> database, IAuditTrail audit) : IRequestHandler<ListeKontakte, IReadOnlyList<KontaktZeile>>
{
    public async Task<IReadOnlyList<KontaktZeile>> Handle(ListeKontakte request, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        if (await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM traeger WHERE id = @id", new { id = request.TraegerId }) == 0)
        {
            throw new RecordNotFoundException("Träger nicht gefunden.");
        }

        var kontakte = await TraegerKontakte.LadeAsync(connection, request.TraegerId);
        await audit.RecordAsync(new AuditEntry(AuditAction.View, "Traeger", request.TraegerId, $"Kontaktprotokoll, {kontakte.Count} Einträge"), cancellationToken);
        return kontakte;
    }
}

internal sealed class HoleAbdeckungHandler(IModuleDatabase<LotsenModule> database, DeploymentInfo deployment, ILocalClock clock) : IRequestHandler<HoleAbdeckung, IReadOnlyList<KommuneAbdeckung>>
{
    public async Task<IReadOnlyList<KommuneAbdeckung>> Handle(HoleAbdeckung request, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var aktiv = (await connection.QueryAsync<(string Ags, string TraegerId, string Name, string Beginn, string? Ende)>(
            $"""
            SELECT vk.ags, t.id, t.name, v.beginn, v.ende FROM vereinbarung_kommunen vk
            JOIN vereinbarungen v ON v.id = vk.vereinbarung_id JOIN traeger t ON t.id = v.traeger_id
            WHERE vk.aktiv = 1 AND {Vereinbarungsende.Laeuft("v")}
            """, new { heute = Vereinbarungsende.Heute(clock) })).ToDictionary(a => a.Ags);
        return deployment.Municipalities
            .Select(m => aktiv.TryGetValue(m.Ags, out var a)
                ? new KommuneAbdeckung(m.Ags, m.Name, a.TraegerId, a.Name, a.Beginn, a.Ende)
                : new KommuneAbdeckung(m.Ags, m.Name, null, null, null, null))
            .ToList();
    }
}
