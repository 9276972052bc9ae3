using IntegrationsPlattform.Contracts.Messaging;
using Microsoft.AspNetCore.Components.Forms;

namespace IntegrationsPlattform.Contracts.Web;

/// <summary>
/// The edit context of one server-rendered form whose rules live in the store or service it calls. What the API
/// answers with problem details becomes an inline message instead of an error page: the field errors of a
/// <see cref="RequestValidationException"/> (400) and the <see cref="OutOfScopeException"/> of a write outside the
/// user's scope (403) at their fields, a refused rule (<see cref="DomainRuleException"/>, 409) and a record that
/// is gone (<see cref="RecordNotFoundException"/>, 404) as <see cref="Refusal"/> of the form as a whole.
/// </summary>
public sealed class ServerForm
{
    private readonly ValidationMessageStore _messages;

    public ServerForm(object model)
    {
        Context = new EditContext(model);
        _messages = new ValidationMessageStore(Context);
    }

    public EditContext Context { get; }

    /// <summary>Why the last action was refused as a whole (409 or 404), for an alert above the form; null otherwise.</summary>
    public string? Refusal { get; private set; }

    /// <summary>The last action found its record gone (404): the page says so instead of showing the record.</summary>
    public bool NotFound { get; private set; }

    /// <summary>
    /// Loads the record a page shows, or null when it is gone or lies outside the user's scope
    /// (<see cref="RecordNotFoundException"/>, 404): the page then says the record was not found instead of failing.
    /// </summary>
    public static async Task<T?> FindAsync<T>(Func<Task<T>> load)
        where T : class
    {
        try
        {
            return await load();
        }
        catch (RecordNotFoundException)
        {
            return null;
        }
    }

    /// <summary>
    /// Runs the action; false (with the messages shown) when it refused the input. A refused rule (409) stands at
    /// <paramref name="refusalField"/> when the form has one field it is about (the status a change was refused
    /// for), else in <see cref="Refusal"/>.
    /// </summary>
    public async Task<bool> TryAsync(Func<Task> action, string? refusalField = null)
    {
        _messages.Clear();
        Refusal = null;
        NotFound = false;
        try
        {
            await action();
            return true;
        }
        catch (RequestValidationException ex)
        {
            FormErrors.Show(Context, _messages, ex.Errors);
        }
        catch (OutOfScopeException ex)
        {
            FormErrors.Show(Context, _messages, [new FieldError(ex.Field, ex.Message)]);
        }
        catch (DomainRuleException ex) when (refusalField is not null)
        {
            FormErrors.Show(Context, _messages, [new FieldError(refusalField, ex.Message)]);
        }
        catch (DomainRuleException ex)
        {
            Refusal = ex.Message;
        }
        catch (RecordNotFoundException ex)
        {
            Refusal = ex.Message;
            NotFound = true;
        }

        return false;
    }
}
