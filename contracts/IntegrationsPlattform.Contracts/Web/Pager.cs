using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace IntegrationsPlattform.Contracts.Web;

/// <summary>One page of a list and how many rows there are in all.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Rows, int Total, int Page, int PageSize)
{
    public int LastPage => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

public static class Paging
{
    /// <summary>Rows per page when the caller does not say.</summary>
    public const int DefaultPageSize = 25;

    /// <summary>The most rows a list answers at once, whatever the caller asks for.</summary>
    public const int MaxPageSize = 200;

    /// <summary>The page size a list answers with: what the caller asks for, at least 1 and at most <see cref="MaxPageSize"/>.</summary>
    public static int PageSize(int? requested) => Math.Clamp(requested ?? DefaultPageSize, 1, MaxPageSize);

    /// <summary>Rows to skip for a page number from the query string (below 1 counts as 1).</summary>
    public static int Offset(int page, int pageSize) => (Math.Max(1, page) - 1) * pageSize;
}

/// <summary>
/// "Zurück / Seite x von y / Weiter" links for a server-rendered list. <see cref="Href"/> builds the
/// link of a page, so the list's filters stay in the URL and every page can be bookmarked.
/// </summary>
public sealed class Pager : ComponentBase
{
    [Parameter, EditorRequired]
    public int Page { get; set; }

    [Parameter, EditorRequired]
    public int LastPage { get; set; }

    [Parameter, EditorRequired]
    public Func<int, string> Href { get; set; } = default!;

    /// <summary>What is paged, for screen readers, e.g. "Seiten der Lotsenliste".</summary>
    [Parameter]
    public string Label { get; set; } = "Seiten";

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        if (LastPage <= 1)
        {
            return;
        }

        builder.OpenElement(0, "nav");
        builder.AddAttribute(1, "class", "pager");
        builder.AddAttribute(2, "aria-label", Label);
        if (Page > 1)
        {
            builder.OpenElement(3, "a");
            builder.AddAttribute(4, "href", Href(Page - 1));
            builder.AddContent(5, "Zurück");
            builder.CloseElement();
        }

        builder.OpenElement(6, "span");
        builder.AddContent(7, $"Seite {Page} von {LastPage}");
        builder.CloseElement();
        if (Page < LastPage)
        {
            builder.OpenElement(8, "a");
            builder.AddAttribute(9, "href", Href(Page + 1));
            builder.AddContent(10, "Weiter");
            builder.CloseElement();
        }

        builder.CloseElement();
    }
}
