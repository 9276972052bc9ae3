using System.Net;
using System.Text.RegularExpressions;

namespace IntegrationsPlattform.Testing;

/// <summary>What a browser does with server-rendered pages, for tests that drive pages through HTTP.</summary>
public static partial class PageForms
{
    /// <summary>GETs a page that must answer 200 and returns its HTML-decoded text.</summary>
    public static async Task<string> TextAsync(HttpClient browser, string path)
    {
        using var response = await browser.GetAsync(path);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), path);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    /// <summary>GETs the page for its anti-forgery token and posts the form named <paramref name="handler"/> as a browser does.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient browser, string path, string handler, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var page = await browser.GetStringAsync(path);
        var values = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", PlatformHost.AntiforgeryToken(page)), new("_handler", handler) };
        values.AddRange(fields);
        return await browser.PostAsync(path, new FormUrlEncodedContent(values));
    }

    public static Task<HttpResponseMessage> SubmitAsync(HttpClient browser, string path, string handler, params (string Name, string Value)[] fields)
        => SubmitAsync(browser, path, handler, fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    /// <summary>
    /// The inline messages of one form field: those between <paramref name="fieldMarker"/> (text inside the field,
    /// e.g. its input's <c>id="kommune"</c> or its legend) and the next field, HTML-decoded.
    /// </summary>
    public static IReadOnlyList<string> MessagesAt(string html, string fieldMarker)
    {
        var start = html.IndexOf(fieldMarker, StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThanOrEqualTo(0), $"Kein Feld mit {fieldMarker}");
        var next = html.IndexOf("class=\"field", start + fieldMarker.Length, StringComparison.Ordinal);
        var field = next < 0 ? html[start..] : html[start..next];
        return InlineMessage().Matches(field).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
    }

    /// <summary>Where a redirect goes, as path and query (the host answers with an absolute URL).</summary>
    public static string? RedirectTarget(HttpResponseMessage response)
        => response.Headers.Location is { } target ? (target.IsAbsoluteUri ? target.PathAndQuery : target.OriginalString) : null;

    /// <summary>
    /// A protected page (or page download) of <paramref name="path"/> sends a signed-in user without the
    /// permission (the demo admin holds no module permission) to "denied" and an anonymous visitor to the login.
    /// </summary>
    public static async Task AssertRefusedAsync(PlatformHost host, string path)
    {
        using var admin = await host.SignedInClientAsync(PlatformHost.AdminUser, PlatformHost.AdminPassword);
        using var anonymous = host.Anonymous();
        using var denied = await admin.GetAsync(path);
        using var login = await anonymous.GetAsync(path);
        Assert.Multiple(() =>
        {
            Assert.That(denied.Headers.Location?.OriginalString, Does.Contain("/account/denied"), path);
            Assert.That(login.Headers.Location?.OriginalString, Does.Contain("/account/login"), path);
        });
    }

    [GeneratedRegex("<div class=\"validation-message\"[^>]*>([^<]*)</div>")]
    private static partial Regex InlineMessage();
}
