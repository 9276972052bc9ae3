using System.Linq.Expressions;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace IntegrationsPlattform.Contracts.Web.Forms;

/// <summary>
/// What every field of a module form shares: an id, a label, an optional hint and the inline error of its
/// model property, tied to the input for screen readers (<c>aria-describedby</c> names the hint and, only
/// while there is one, the error; <c>aria-invalid</c> marks a field with an error).
/// </summary>
public abstract class FormField<TValue> : ComponentBase
{
    [Parameter, EditorRequired]
    public string Id { get; set; } = default!;

    [Parameter, EditorRequired]
    public string Label { get; set; } = default!;

    [Parameter]
    public string? Hint { get; set; }

    [Parameter]
    public TValue? Value { get; set; }

    [Parameter]
    public EventCallback<TValue?> ValueChanged { get; set; }

    [Parameter, EditorRequired]
    public Expression<Func<TValue?>> ValueExpression { get; set; } = default!;

    /// <summary>Further attributes of the input itself: <c>maxlength</c>, <c>autocomplete</c>, <c>min</c>, <c>rows</c> …</summary>
    [Parameter(CaptureUnmatchedValues = true)]
    public IReadOnlyDictionary<string, object>? InputAttributes { get; set; }

    [CascadingParameter]
    protected EditContext EditContext { get; set; } = default!;

    protected string HintId => $"{Id}-hinweis";

    protected string ErrorId => $"{Id}-fehler";

    protected bool HasError => EditContext.GetValidationMessages(FieldIdentifier.Create(ValueExpression)).Any();

    /// <summary>The attributes of the input: the caller's, then the description and the error state.</summary>
    protected IReadOnlyDictionary<string, object> Attributes
    {
        get
        {
            var attributes = InputAttributes is null ? new Dictionary<string, object>() : new Dictionary<string, object>(InputAttributes);
            attributes["id"] = Id;
            // A hint the page shows for several fields (e.g. above a fieldset) comes first.
            var shared = attributes.GetValueOrDefault("aria-describedby") as string;
            if (FieldDescription.DescribedBy(shared, Hint is null ? null : HintId, HasError ? ErrorId : null) is { } describedBy)
            {
                attributes["aria-describedby"] = describedBy;
            }

            if (HasError)
            {
                attributes["aria-invalid"] = "true";
            }

            return attributes;
        }
    }
}

/// <summary>The <c>aria-describedby</c> of a field: hint and error ids that are present, or none at all.</summary>
public static class FieldDescription
{
    public static string? DescribedBy(params string?[] ids)
    {
        var present = ids.Where(id => id is not null).ToList();
        return present.Count == 0 ? null : string.Join(' ', present);
    }
}
