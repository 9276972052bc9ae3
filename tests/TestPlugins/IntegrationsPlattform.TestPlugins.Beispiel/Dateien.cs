using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Files;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Contracts.Web;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IntegrationsPlattform.TestPlugins.Beispiel;

/// <summary>
/// Files on an entry, as a programme module keeps certificates or scans: one declared use, the entry as
/// owner (the same record type and id as its DSGVO record, so export and erasure include the files), and
/// the entry's own scope checked before the file store is asked.
/// </summary>
internal static class EintragDateien
{
    /// <summary>A proof document: PDF, image or text, at most 1 MB.</summary>
    public static FileUse Nachweis { get; } = new("nachweis", 1024 * 1024, [FileKind.Pdf, FileKind.Png, FileKind.Jpeg, FileKind.Text]);

    public static FileOwner Von(Guid eintrag) => new("Eintrag", eintrag.ToString());

    public static void MapApi(RouteGroupBuilder api)
    {
        const string Dateien = "/eintraege/{id:guid}/dateien";
        api.MapGet(Dateien, async (Guid id, IMediator mediator, IModuleFiles<BeispielModule> files, CancellationToken ct) =>
            {
                await mediator.Send(new GetEintrag(id), ct);
                return await files.ListAsync(Von(id), ct);
            })
            .RequirePermission(BeispielModule.Lesen);
        api.MapPost(Dateien, async (Guid id, HttpRequest request, IMediator mediator, ICurrentUser user, IModuleFiles<BeispielModule> files, CancellationToken ct) =>
            {
                await BeschreibbarAsync(id, mediator, user, ct);
                var file = await files.SaveAsync(Nachweis, Von(id), request, ct);
                return Results.Created($"/api/beispiel/eintraege/{id}/dateien/{file.Id}", file);
            })
            .RequirePermission(BeispielModule.Schreiben)
            .Accepts<IFormFile>("multipart/form-data")
            .DisableAntiforgery();
        api.MapGet(Dateien + "/{dateiId:guid}", async (Guid id, Guid dateiId, IMediator mediator, IModuleFiles<BeispielModule> files, CancellationToken ct) =>
            {
                await mediator.Send(new GetEintrag(id), ct);
                return await files.DownloadAsync(Von(id), dateiId, ct);
            })
            .RequirePermission(BeispielModule.Lesen);
        api.MapDelete(Dateien + "/{dateiId:guid}", async (Guid id, Guid dateiId, IMediator mediator, ICurrentUser user, IModuleFiles<BeispielModule> files, CancellationToken ct) =>
            {
                await BeschreibbarAsync(id, mediator, user, ct);
                await files.DeleteAsync(Von(id), dateiId, ct);
                return Results.NoContent();
            })
            .RequirePermission(BeispielModule.Schreiben);

        // The entry goes first, in its command; its files follow once that has committed.
        api.MapDelete("/eintraege/{id:guid}", async (Guid id, IMediator mediator, IModuleFiles<BeispielModule> files, CancellationToken ct) =>
            {
                await mediator.Send(new LoescheEintrag(id), ct);
                await files.DeleteAllAsync(Von(id), ct);
                return Results.NoContent();
            })
            .RequirePermission(BeispielModule.Schreiben);
    }

    /// <summary>The page's download link, signed in by the page cookie.</summary>
    public static void MapDownloads(RouteGroupBuilder pages)
        => pages.MapGet("/eintraege/{id:guid}/dateien/{dateiId:guid}", async (Guid id, Guid dateiId, IMediator mediator, IModuleFiles<BeispielModule> files, CancellationToken ct) =>
            {
                await mediator.Send(new GetEintrag(id), ct);
                return await files.DownloadAsync(Von(id), dateiId, ct);
            })
            .RequirePermission(BeispielModule.Lesen);

    /// <summary>The entry, when the user may see it (else 404) and change it (else 403).</summary>
    public static async Task<EintragDto> BeschreibbarAsync(Guid id, IMediator mediator, ICurrentUser user, CancellationToken ct)
    {
        var eintrag = await mediator.Send(new GetEintrag(id), ct);
        RecordScope.Of(user, BeispielModule.Schreiben).EnsureWritable([eintrag.KommuneAgs], null, "Eintrag", eintrag.Id, FileUse.Field, eintrag.Arbeitskreis is null ? [] : [eintrag.Arbeitskreis]);
        return eintrag;
    }
}

internal sealed record LoescheEintrag(Guid Id) : ICommand<bool>;

internal sealed class LoescheEintragHandler(IModuleDatabase<BeispielModule> database, IAuditTrail audit, ICurrentUser user) : IRequestHandler<LoescheEintrag, bool>
{
    public async Task<bool> Handle(LoescheEintrag request, CancellationToken cancellationToken)
    {
        var tx = database.Transaction;
        var row = await tx.Connection.QuerySingleOrDefaultAsync<(string KommuneAgs, string? Arbeitskreis)>(
            "SELECT kommune_ags, arbeitskreis FROM eintraege WHERE id = @id", new { id = request.Id.ToString() }, tx.Sql);
        var gruppen = row.Arbeitskreis is null ? Array.Empty<string>() : [row.Arbeitskreis];
        if (row.KommuneAgs is null || !RecordScope.Of(user, BeispielModule.Lesen).CanRead([row.KommuneAgs], null, gruppen))
        {
            throw new RecordNotFoundException("Eintrag nicht gefunden.");
        }

        RecordScope.Of(user, BeispielModule.Schreiben).EnsureWritable([row.KommuneAgs], null, "Eintrag", request.Id.ToString(), "kommuneAgs", gruppen);
        await tx.Connection.ExecuteAsync("DELETE FROM eintraege WHERE id = @id", new { id = request.Id.ToString() }, tx.Sql);
        await audit.RecordAsync(new AuditEntry(AuditAction.Erase, "Eintrag", request.Id.ToString(), "gelöscht mit seinen Dateien"), cancellationToken);
        return true;
    }
}
