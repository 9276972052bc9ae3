using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Web;
using IntegrationsPlattform.Host.Security;

namespace IntegrationsPlattform.Host.Web;

internal sealed record TokenRequest(string? UserName, string? Password);

internal sealed record TokenResponse(string AccessToken, string TokenType, DateTimeOffset ExpiresAt);

/// <summary><c>/api/auth/token</c>: exchange user name and password for a short-lived bearer token; DELETE revokes it.</summary>
internal static class AuthApi
{
    public static void MapAuthApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/auth").WithTags("Anmeldung");

        group.MapPost("/token", async (TokenRequest request, AccountStore accounts, TokenService tokens, CancellationToken cancellationToken) =>
        {
            var errors = new List<FieldError>();
            if (string.IsNullOrWhiteSpace(request.UserName) || request.UserName.Length > 64)
            {
                errors.Add(new FieldError("userName", "Bitte den Benutzernamen angeben."));
            }

            if (string.IsNullOrEmpty(request.Password) || request.Password.Length > 256)
            {
                errors.Add(new FieldError("password", "Bitte das Passwort angeben."));
            }

            if (errors.Count > 0)
            {
                throw new RequestValidationException(errors);
            }

            var result = await accounts.VerifyAsync(request.UserName!, request.Password!, cancellationToken);
            return result.Outcome switch
            {
                LoginOutcome.Success => Results.Ok(ToResponse(await tokens.IssueAsync(result.User!.Id, cancellationToken))),
                LoginOutcome.LockedOut => Results.Problem(statusCode: 401, title: "Konto gesperrt", detail: "Nach zu vielen Fehlversuchen ist das Konto vorübergehend gesperrt."),
                _ => Results.Problem(statusCode: 401, title: "Anmeldung fehlgeschlagen", detail: "Benutzername oder Passwort ist falsch, oder das Konto ist nicht aktiv."),
            };
        })
        .AsPublic()
        .RequireRateLimiting(PlatformSetup.TokenRateLimit)
        .WithSummary("Bearer-Token ausstellen")
        .Produces<TokenResponse>()
        .ProducesProblem(400)
        .ProducesProblem(401)
        .ProducesProblem(429);

        group.MapDelete("/token", async (HttpRequest request, TokenService tokens, CancellationToken cancellationToken) =>
        {
            var token = request.Headers.Authorization.ToString()["Bearer ".Length..].Trim();
            await tokens.RevokeAsync(token, cancellationToken);
            return Results.NoContent();
        })
        .RequireAuthorization()
        .WithSummary("Das verwendete Token widerrufen");
    }

    private static TokenResponse ToResponse(IssuedToken token) => new(token.Token, "Bearer", token.ExpiresAt);
}
