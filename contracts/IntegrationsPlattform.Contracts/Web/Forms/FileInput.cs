using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Http;

namespace IntegrationsPlattform.Contracts.Web.Forms;

/// <summary>
/// <c>&lt;input type="file"&gt;</c> for a form rendered on the server: named after its model property, so that
/// <c>[SupplyParameterFromForm]</c> binds the posted file to it. (The framework's <c>InputFile</c> needs an
/// interactive circuit, which the platform's pages do not have.)
/// </summary>
public sealed class FileInput : InputBase<IFormFile?>
{
    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenElement(0, "input");
        builder.AddMultipleAttributes(1, AdditionalAttributes);
        builder.AddAttribute(2, "type", "file");
        builder.AddAttribute(3, "name", NameAttributeValue);
        builder.AddAttribute(4, "class", CssClass);
        builder.CloseElement();
    }

    /// <summary>A file is never typed in as text.</summary>
    protected override bool TryParseValueFromString(string? value, out IFormFile? result, [NotNullWhen(false)] out string? validationErrorMessage)
    {
        result = null;
        validationErrorMessage = "Bitte eine Datei wählen.";
        return false;
    }
}
