using Dapper;
using IntegrationsPlattform.Contracts.Data;
using IntegrationsPlattform.Contracts.Messaging;
using MediatR;

namespace IntegrationsPlattform.Modules.Schulungen.Features.Anmeldungen;

/// <summary>
/// Before the public form asks for the double opt-in: whether this address holds a registration for the session already
/// (cancelled ones aside), so that nobody confirms a link only to learn it then. The registration command checks it again
/// when the link is opened; the database's unique index holds it in any case.
/// </summary>
internal sealed record CheckOeffentlicheAnmeldung(Guid TerminId, string Email) : IQuery<bool>;

internal sealed class CheckOeffentlicheAnmeldungHandler(IModuleDatabase<SchulungenModule> database) : IRequestHandler<CheckOeffentlicheAnmeldung, bool>
{
    public async Task<bool> Handle(CheckOeffentlicheAnmeldung request, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(
            """
            SELECT count(*) > 0 FROM anmeldungen a JOIN teilnehmende p ON p.id = a.teilnehmende_id
            WHERE a.termin_id = @terminId AND p.email = @email COLLATE NOCASE AND a.status <> 'abgemeldet'
            """,
            new { terminId = request.TerminId.ToString(), email = request.Email.Trim() });
    }
}
