using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace IntegrationsPlattform.Host.Web;

internal static class AccountEndpoints
{
    /// <summary>Logout is a POST with anti-forgery token (a GET link could be triggered by any page).</summary>
    public static void MapAccountEndpoints(this WebApplication app)
        => app.MapPost("/account/logout", async (HttpContext context) =>
            {
                await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                return Results.Redirect("/account/login");
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
}
