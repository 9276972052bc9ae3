namespace IntegrationsPlattform.Contracts.Modules;

/// <summary>
/// The SDK line a module is built against. A module states <see cref="Major"/> in its manifest;
/// since it is a constant, the value is compiled into the module and tells the host what the module
/// was really built with. A different major version means a breaking change in these contracts; a
/// minor version adds to them (1.1: an indicator's kind, stock or flow, and whether its municipality values add up;
/// 1.2: scope groups, field rules, lifecycles, the injected deployment, languages, public pages and the double
/// opt-in, form and list components, charts, bulk commands; 1.3: the outbox, calendar entries and iTIP invitations,
/// files, printable documents, invited accounts, linkable records, indicator history).
/// </summary>
public static class PlatformSdk
{
    public const int Major = 1;
    public const int Minor = 3;
}
