using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using MediatR;

namespace IntegrationsPlattform.Modules.Lotsen.Features.Lotsen;

internal sealed record UpdateLotse(Guid Id, LotseDaten Daten) : ICommand<Done>;

internal sealed class UpdateLotseValidator(LotseDatenPruefung pruefung) : IValidator<UpdateLotse>
{
    public async Task<IReadOnlyList<FieldError>> ValidateAsync(UpdateLotse request, CancellationToken cancellationToken)
        => await pruefung.PruefeAsync(request.Daten, request.Id, neu: false, cancellationToken);
}

internal sealed class UpdateLotseHandler(IModuleDatabase<LotsenModule> database, IAuditTrail audit, ICurrentUser user, ILocalClock clock)
    : IRequestHandler<UpdateLotse, Done>
{
    public async Task<Done> Handle(UpdateLotse request, CancellationToken cancellationToken)
    {
        var tx = database.Transaction;
        await LotsenSchreiben.ZumAendernAsync(tx, request.Id, user, request.Daten);
        var d = request.Daten;
        await LotsenSchreiben.PruefeNichtErfasstAsync(tx, d, ausser: request.Id);
        await LotsenSchreiben.BenutzernameEindeutigAsync(() => tx.Connection.ExecuteAsync(
            """
            UPDATE lotsen SET vorname = @vorname, nachname = @nachname, email = @email, telefon = @telefon, wohnort_ags = @wohnort,
                vermittelt_durch = @vermittelt, traeger_id = @traeger, benutzername = @benutzername, geaendert_am = @jetzt
            WHERE id = @id
            """,
            new
            {
                id = request.Id.ToString(),
                vorname = d.Vorname!.Trim(),
                nachname = d.Nachname!.Trim(),
                email = LotsenSchreiben.Leer(d.Email),
                telefon = LotsenSchreiben.Leer(d.Telefon),
                wohnort = d.WohnortAgs!.Trim(),
                vermittelt = d.VermitteltDurch,
                traeger = LotsenSchreiben.Leer(d.TraegerId),
                benutzername = LotsenSchreiben.Leer(d.Benutzername),
                jetzt = GermanFormat.StoredInstant(clock.UtcNow),
            },
            tx.Sql));
        await LotsenSchreiben.ListenSchreibenAsync(tx, request.Id.ToString(), d);
        await audit.RecordAsync(new AuditEntry(AuditAction.Change, "Lotse", request.Id.ToString(), "Stammdaten"), cancellationToken);
        return Done.Value;
    }
}
