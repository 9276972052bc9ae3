using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Host.Accounts;

namespace IntegrationsPlattform.Host.Web;

internal sealed record InvitationRequest(string? Email, string? DisplayName, string? Role, string? Scope, IReadOnlyList<string>? Municipalities, IReadOnlyList<string>? Groups);

internal sealed record CreatedInvitation(Guid Id);

internal sealed record InvitableRoleInfo(string Key, string DisplayName, ScopeGroupKind? Groups);

/// <summary>
/// Invitations by e-mail under <c>/api/einladungen</c>: for admins and for the staff who manage a module's groups; the
/// service decides who may invite to which role and scope (403 problem details otherwise).
/// </summary>
internal static class InvitationApi
{
    public static void MapInvitationApi(this WebApplication app)
    {
        var invitations = app.MapGroup("/api/einladungen").WithTags("Einladungen").RequireAuthorization();

        invitations.MapGet("/rollen", (InvitableRoleCatalog roles, ICurrentUser user)
                => roles.InvitableBy(user).Select(r => new InvitableRoleInfo(r.Key, r.DisplayName, r.Groups)).ToList())
            .WithSummary("Die Rollen, zu denen der Benutzer einladen darf");

        invitations.MapPost("/", async (InvitationRequest request, AccountInvitations service, CancellationToken ct) =>
            {
                var id = await service.InviteAsync(ToInvitation(request), ct);
                return Results.Created($"/api/einladungen/{id}", new CreatedInvitation(id));
            })
            .WithSummary("Eine Person per E-Mail zu einer Rolle einladen (mit Reichweite: Kommunen oder Gruppen)")
            .ProducesValidationProblem();
    }

    /// <summary>Shared by the API and the invitation page, so that both refuse a scope with the same words.</summary>
    internal static AccountInvitation ToInvitation(InvitationRequest request)
    {
        if (!Enum.TryParse<ScopeKind>(string.IsNullOrWhiteSpace(request.Scope) ? nameof(ScopeKind.All) : request.Scope, ignoreCase: true, out var scope) || !Enum.IsDefined(scope))
        {
            throw RequestValidationException.For("scope", "Reichweite: All, Municipalities, OwnRecords oder Groups.");
        }

        return new AccountInvitation(request.Email ?? "", request.DisplayName ?? "", request.Role ?? "", scope)
        {
            Municipalities = request.Municipalities ?? [],
            Groups = request.Groups ?? [],
        };
    }
}
