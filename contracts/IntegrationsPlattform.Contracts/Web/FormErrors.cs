using IntegrationsPlattform.Contracts.Messaging;
using Microsoft.AspNetCore.Components.Forms;

namespace IntegrationsPlattform.Contracts.Web;

/// <summary>
/// Shows the field errors of a rejected request inline in a server-rendered form: each error lands on
/// the model property of the same name (case-insensitive), the rest on the form as a whole.
/// </summary>
public static class FormErrors
{
    public static void Show(EditContext editContext, ValidationMessageStore store, IEnumerable<FieldError> errors)
    {
        var model = editContext.Model;
        foreach (var error in errors)
        {
            var property = model.GetType().GetProperties().FirstOrDefault(p => string.Equals(p.Name, error.Field, StringComparison.OrdinalIgnoreCase));
            store.Add(property is null ? new FieldIdentifier(model, string.Empty) : new FieldIdentifier(model, property.Name), error.Message);
        }

        editContext.NotifyValidationStateChanged();
    }
}
