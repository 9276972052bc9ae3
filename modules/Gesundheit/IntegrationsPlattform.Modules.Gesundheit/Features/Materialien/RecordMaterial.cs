using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Files;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Modules.Gesundheit.Features.Angebote;
using MediatR;

namespace IntegrationsPlattform.Modules.Gesundheit.Features.Materialien;

/// <summary>
/// Adds a material file to an offer's working version; returns the material's id. The language and title are checked
/// before the file is stored, and the file only after the user may change the offer: <paramref name="Speichern"/> hands
/// the upload to the SDK's file service (which refuses a wrong kind by its content, keeping nothing). On a published offer
/// the new material waits for review with the change, like any other change.
/// </summary>
internal sealed record RecordMaterial(string AngebotId, MaterialEingabe Eingabe, Func<FileUse, FileOwner, CancellationToken, Task<StoredFile>> Speichern)
    : ICommand<string>;

internal sealed class RecordMaterialValidator : IValidator<RecordMaterial>
{
    public Task<IReadOnlyList<FieldError>> ValidateAsync(RecordMaterial request, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(request.Eingabe.Sprache))
        {
            errors.Add(new FieldError("sprache", "Bitte die Sprache des Materials angeben."));
        }

        errors.LanguageCode("sprache", request.Eingabe.Sprache);
        errors.RequiredText("titel", request.Eingabe.Titel, 200, "einen Titel für den Download");
        return Task.FromResult<IReadOnlyList<FieldError>>(errors);
    }
}

internal sealed class RecordMaterialHandler(
    IModuleDatabase<GesundheitModule> database, IModuleFiles<GesundheitModule> files, ICurrentUser user, ILocalClock clock, IAuditTrail audit)
    : IRequestHandler<RecordMaterial, string>
{
    public async Task<string> Handle(RecordMaterial request, CancellationToken cancellationToken)
    {
        var tx = database.Transaction;
        var angebotId = request.AngebotId.ToLowerInvariant();
        var lage = await AngebotSchreiben.ZumAendernAsync(tx, RecordScope.Of(user, GesundheitModule.Angebote), angebotId);
        if (lage.Status == "archiviert")
        {
            throw new DomainRuleException("Einem archivierten Angebot lassen sich keine Materialien mehr hinzufügen.");
        }

        var owner = AngebotMaterialien.Von(angebotId);
        var datei = await request.Speichern(AngebotMaterialien.Material, owner, cancellationToken);
        try
        {
            var id = Guid.CreateVersion7().ToString();
            var jetzt = GermanFormat.StoredInstant(clock.UtcNow);
            await tx.Connection.ExecuteAsync(
                """
                INSERT INTO materialien (id, angebot_id, fassung, datei_id, sprache, titel, angelegt_am)
                VALUES (@id, @angebotId, 'arbeit', @dateiId, @sprache, @titel, @jetzt)
                """,
                new { id, angebotId, dateiId = datei.Id.ToString(), sprache = Languages.Normalize(request.Eingabe.Sprache!), titel = request.Eingabe.Titel!.Trim(), jetzt },
                tx.Sql);
            await AngebotSchreiben.AenderungZurPruefungAsync(tx, angebotId, lage.Status, lage.Aenderung, jetzt, AngebotSchreiben.Wer(user));
            await audit.RecordAsync(new AuditEntry(AuditAction.Change, "Angebot", angebotId, $"Material {id} hinzugefügt"), cancellationToken);
            return id;
        }
        catch
        {
            // The file store is not part of the module's transaction: a material that is not recorded leaves no file behind.
            await files.DeleteAsync(owner, datei.Id, CancellationToken.None);
            throw;
        }
    }
}
