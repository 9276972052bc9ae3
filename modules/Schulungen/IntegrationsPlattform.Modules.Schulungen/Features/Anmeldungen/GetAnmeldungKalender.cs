using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Mail;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using MediatR;

namespace IntegrationsPlattform.Modules.Schulungen.Features.Anmeldungen;

/// <summary>
/// The calendar file of one appointment (<paramref name="Nummer"/>, from 1) of a registration with a seat: the same
/// iTIP request the mail carried, for staff by the registration's id, for the participant through her personal link.
/// </summary>
internal sealed record GetAnmeldungKalender(string AnmeldungId, int Nummer) : IQuery<MailAttachment>;

internal sealed class GetAnmeldungKalenderHandler(IModuleDatabase<SchulungenModule> database, AnmeldungMail mail, IAuditTrail audit, ICurrentUser user)
    : IRequestHandler<GetAnmeldungKalender, MailAttachment>
{
    public async Task<MailAttachment> Handle(GetAnmeldungKalender request, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var angaben = Guid.TryParse(request.AnmeldungId, out _) ? await AnmeldungMail.FindenAsync(connection, request.AnmeldungId) : null;
        if (angaben is null || request.Nummer < 1 || request.Nummer > angaben.Zeiten.Count)
        {
            throw new RecordNotFoundException("Diese Kalenderdatei gibt es nicht.");
        }

        if (angaben.Status != "angemeldet")
        {
            throw new DomainRuleException("Kalenderdateien gibt es nur für Anmeldungen mit Platz (nicht für die Warteliste oder eine Abmeldung).");
        }

        if (user.IsAuthenticated)
        {
            await audit.RecordAsync(new AuditEntry(AuditAction.View, "Anmeldung", request.AnmeldungId, $"Kalenderdatei {request.Nummer}"), cancellationToken);
        }

        return mail.Einladungen(angaben with { Zeiten = [angaben.Zeiten[request.Nummer - 1]] }, absage: false)[0];
    }
}
