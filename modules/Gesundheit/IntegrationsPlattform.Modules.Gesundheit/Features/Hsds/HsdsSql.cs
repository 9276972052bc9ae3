namespace IntegrationsPlattform.Modules.Gesundheit.Features.Hsds;

/// <summary>
/// What the HSDS API shows: offers whose status is „veröffentlicht“, in their reviewed version, not past their last
/// valid day. A change waiting for review is never seen here: it lives in the working version.
/// </summary>
internal static class HsdsSql
{
    /// <summary>The published offers (alias <c>a</c>) with their reviewed version (alias <c>f</c>); needs <c>@heute</c>.</summary>
    public const string Veroeffentlicht = """
        FROM angebote a
        JOIN angebot_fassungen f ON f.angebot_id = a.id AND f.fassung = 'veroeffentlicht'
        WHERE a.status = 'veroeffentlicht' AND (f.gueltig_bis IS NULL OR f.gueltig_bis >= @heute)
        """;

    /// <summary>A place (alias <c>o</c>) where a published offer is held in its reviewed version; needs <c>@heute</c>.</summary>
    public const string OrtVeroeffentlicht = $"""
        EXISTS (SELECT 1 FROM angebot_orte ao
                WHERE ao.ort_id = o.id AND ao.fassung = 'veroeffentlicht' AND ao.angebot_id IN (SELECT a.id {Veroeffentlicht}))
        """;

    /// <summary>The ids of a selection, passed as one JSON array (<c>@ids</c>), so a page and the whole export read alike.</summary>
    public const string Auswahl = "(SELECT value FROM json_each(@ids))";
}
