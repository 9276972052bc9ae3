using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Contracts.Web;
using IntegrationsPlattform.Host.Security;

namespace IntegrationsPlattform.Host.Calendar;

/// <summary>
/// The iCalendar feeds under <c>/kalender/…</c>. Both answer without a login, because calendar apps subscribe to them:
/// the public feed shows public entries only, the personal feed everything the owner of its secret may see now (a
/// revoked secret or a deactivated account: 404). Both filter with <c>?modul=</c> and <c>?kategorie=</c>.
/// </summary>
internal static class CalendarEndpoints
{
    public const string PublicFeedPath = "/kalender/oeffentlich.ics";

    public static string PersonalFeedPath(string token) => $"/kalender/persoenlich/{token}.ics";

    public static void MapCalendarFeeds(this WebApplication app)
    {
        app.MapGet(PublicFeedPath, async (HttpContext context, CalendarService calendar, IcsWriter writer, DeploymentInfo deployment, CancellationToken ct) =>
            {
                var entries = await calendar.EntriesAsync(calendar.FeedWindow(), CalendarViewer.Public, FilterOf(context.Request), ct);
                return Ics(context, writer.Feed($"Öffentliche Termine – {deployment.KreisName}", entries.Select(e => e.Entry)), "public, max-age=900");
            })
            .AllowAnonymous()
            .ExcludeFromDescription();

        app.MapGet("/kalender/persoenlich/{token}.ics", async (string token, HttpContext context, FeedTokens tokens, PermissionCache permissions, CalendarService calendar, IcsWriter writer, DeploymentInfo deployment, CancellationToken ct) =>
            {
                if (await tokens.UserOfAsync(token, ct) is not { } userId || await permissions.GetAsync(userId) is not { IsActive: true } grants)
                {
                    return Results.NotFound();
                }

                var entries = await calendar.EntriesAsync(calendar.FeedWindow(), CalendarViewer.Of(grants), FilterOf(context.Request), ct);
                return Ics(context, writer.Feed($"Meine Termine – {deployment.KreisName}", entries.Select(e => e.Entry)), "private, no-store");
            })
            .AllowAnonymous()
            .ExcludeFromDescription();

        var api = app.MapGroup("/api/kalender").WithTags("Kalender");
        api.MapPost("/abo", async (ICurrentUser user, FeedTokens tokens, IPublicLinks links, CancellationToken ct) =>
            {
                var address = links.Absolute(PersonalFeedPath(await tokens.RenewAsync(user.UserId!.Value.ToString(), ct)));
                return new KalenderAbo(address.ToString(), Webcal(address));
            })
            .RequireAuthorization()
            .WithSummary("Neue Adresse des persönlichen Kalenders; die bisherige gilt nicht mehr. Die Adresse wird nur hier angezeigt.")
            .Produces<KalenderAbo>();
        api.MapDelete("/abo", async (ICurrentUser user, FeedTokens tokens, CancellationToken ct) =>
            {
                await tokens.RevokeAsync(user.UserId!.Value.ToString(), ct);
                return Results.NoContent();
            })
            .RequireAuthorization()
            .WithSummary("Die Adresse des persönlichen Kalenders widerrufen");
    }

    /// <summary>The same address for calendar apps that subscribe on a click (<c>webcal://</c>).</summary>
    public static string Webcal(Uri address) => "webcal" + address.AbsoluteUri[address.Scheme.Length..];

    public static CalendarFilter FilterOf(HttpRequest request) => CalendarFilter.From(request.Query["modul"], request.Query["kategorie"]);

    private static IResult Ics(HttpContext context, string text, string cacheControl)
    {
        context.Response.Headers.CacheControl = cacheControl;
        return Results.Text(text, IcsWriter.ContentType);
    }
}

/// <param name="Adresse">The feed's address (https).</param>
/// <param name="Webcal">The same with <c>webcal://</c>, which calendar apps open to subscribe.</param>
internal sealed record KalenderAbo(string Adresse, string Webcal);
