using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Localization;
using IntegrationsPlattform.Host.Configuration;

namespace IntegrationsPlattform.Host.Web;

/// <summary>
/// Staff work in German: every page and endpoint is German, whatever the request says. Only what a module
/// (or the host) marks public — pages with <c>[AllowAnonymous]</c>, endpoints with <c>.AsPublic()</c> —
/// may speak the visitor's language, which the visitor picks with <c>?lang=xx</c> and which is then kept
/// in a cookie. The host owns that query key: modules use other keys for their filters (Lotsen's
/// <c>?sprache=</c> is a search for Lotsen who speak a language, not the language of the page).
/// Formats (dates, numbers) stay German for everyone.
/// </summary>
internal static class PlatformLocalization
{
    public const string LanguageQueryKey = "lang";

    public static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    /// <summary>
    /// Sets the culture of the request once its endpoint is known (after routing): the visitor's language on
    /// public endpoints — one of the deployment's public languages (<c>Platform:PublicLanguages</c>), any
    /// other choice is German — and German everywhere else.
    /// </summary>
    public static void UsePlatformLocalization(this IApplicationBuilder app)
    {
        var publicLanguages = app.ApplicationServices.GetRequiredService<PlatformOptions>().PublicLanguages;
        var visitorLanguage = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(German, German),
            SupportedCultures = [German],
            SupportedUICultures = publicLanguages.Select(l => CultureInfo.GetCultureInfo(l.Code)).ToList(),
            FallBackToParentUICultures = true,
            RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider { QueryStringKey = LanguageQueryKey, UIQueryStringKey = LanguageQueryKey },
                new CookieRequestCultureProvider(),
            ],
        };
        app.UseWhen(IsPublic, visitor => visitor.UseRequestLocalization(visitorLanguage).Use(KeepLanguageChoice));
        app.UseWhen(context => !IsPublic(context), staff => staff.Use(GermanOnly));
    }

    /// <summary>A UTC instant as Germans read it, in the deployment's time zone (e.g. "25.11.2026, 14:05 Uhr").</summary>
    public static string FormatLocal(DateTimeOffset utc, TimeZoneInfo zone)
        => TimeZoneInfo.ConvertTime(utc, zone).ToString("dd.MM.yyyy, HH:mm 'Uhr'", German);

    private static bool IsPublic(HttpContext context) => context.GetEndpoint()?.Metadata.GetMetadata<IAllowAnonymous>() is not null;

    private static Task GermanOnly(HttpContext context, RequestDelegate next)
    {
        CultureInfo.CurrentCulture = German;
        CultureInfo.CurrentUICulture = German;
        return next(context);
    }

    /// <summary>A language chosen with <c>?lang=</c> stays for the visitor's next public pages.</summary>
    private static Task KeepLanguageChoice(HttpContext context, RequestDelegate next)
    {
        if (context.Features.Get<IRequestCultureFeature>() is { Provider: QueryStringRequestCultureProvider } chosen)
        {
            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(chosen.RequestCulture),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), HttpOnly = true, Secure = context.Request.IsHttps, SameSite = SameSiteMode.Lax, IsEssential = true });
        }

        return next(context);
    }
}
