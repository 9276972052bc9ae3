using System.Net;

namespace IntegrationsPlattform.Host.Web;

/// <summary>A plain error page that works even when rendering components failed.</summary>
internal static class ErrorPage
{
    public static string Render(int status, string title, string detail)
        => $"""
           <!DOCTYPE html>
           <html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
           <title>{WebUtility.HtmlEncode(title)} – IntegrationsPlattform</title><link rel="stylesheet" href="/css/site.css"></head>
           <body><main id="inhalt" class="container"><h1>{WebUtility.HtmlEncode(title)}</h1>
           <p>{WebUtility.HtmlEncode(detail)}</p><p>Fehlercode {status}.</p><p><a href="/">Zur Startseite</a></p></main></body></html>
           """;
}
