namespace IntegrationsPlattform.Host.Components.Pages.Accounts;

/// <summary>What a person types to set their password from a mailed link (invitation or reset); the user name only on an invitation.</summary>
internal sealed class NewPasswordInput
{
    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string? PasswordRepeat { get; set; }
}
