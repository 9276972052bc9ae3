namespace IntegrationsPlattform.Contracts.Web;

/// <summary>
/// Absolute links for mails, calendar entries and QR codes. Uses the configured public base URL
/// (the address behind the Kreis' reverse proxy), not whatever host name a request came in on.
/// </summary>
public interface IPublicLinks
{
    /// <summary>E.g. <c>Absolute("/lotsen/einsaetze/…")</c> → <c>https://integration.kreis.de/lotsen/einsaetze/…</c>.</summary>
    Uri Absolute(string path);
}
