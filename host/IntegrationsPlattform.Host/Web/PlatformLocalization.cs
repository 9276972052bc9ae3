using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace IntegrationsPlattform.Host.Web;

/// <summary>
/// German is the default for every page. Public pages of modules may offer more languages; the user
/// picks one with <c>?sprache=xx</c> (kept in a cookie). Formats stay German for staff.
/// </summary>
internal static class PlatformLocalization
{
    public static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    public static readonly string[] UiLanguages = ["de", "en", "ar", "tr", "uk", "ru", "fa"];

    public static RequestLocalizationOptions Options()
    {
        var options = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(German, German),
            SupportedCultures = [German],
            SupportedUICultures = UiLanguages.Select(CultureInfo.GetCultureInfo).ToList(),
            FallBackToParentUICultures = true,
        };
        options.RequestCultureProviders =
        [
            new QueryStringRequestCultureProvider { QueryStringKey = "sprache", UIQueryStringKey = "sprache" },
            new CookieRequestCultureProvider(),
        ];
        return options;
    }

    /// <summary>The JSON API speaks German only: its culture is set without asking the request.</summary>
    public static Task GermanOnly(HttpContext context, RequestDelegate next)
    {
        CultureInfo.CurrentCulture = German;
        CultureInfo.CurrentUICulture = German;
        return next(context);
    }

    /// <summary>A UTC instant as Germans read it, in the deployment's time zone (e.g. "25.11.2026, 14:05 Uhr").</summary>
    public static string FormatLocal(DateTimeOffset utc, TimeZoneInfo zone)
        => TimeZoneInfo.ConvertTime(utc, zone).ToString("dd.MM.yyyy, HH:mm 'Uhr'", German);
}
