using IntegrationsPlattform.Contracts.Messaging;
using Microsoft.AspNetCore.Components.Forms;

namespace IntegrationsPlattform.Contracts.Web;

/// <summary>
/// The edit context of one server-rendered form whose rules live in the store or service it calls:
/// their <see cref="RequestValidationException"/>, and the <see cref="OutOfScopeException"/> of a write outside
/// the user's scope, become inline messages instead of an error page.
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

    /// <summary>Runs the action; false (with the messages shown) when it refused the input.</summary>
    public async Task<bool> TryAsync(Func<Task> action)
    {
        _messages.Clear();
        try
        {
            await action();
            return true;
        }
        catch (RequestValidationException ex)
        {
            FormErrors.Show(Context, _messages, ex.Errors);
            return false;
        }
        catch (OutOfScopeException ex)
        {
            FormErrors.Show(Context, _messages, [new FieldError(ex.Field, ex.Message)]);
            return false;
        }
    }
}
