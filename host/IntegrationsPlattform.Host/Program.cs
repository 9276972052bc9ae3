using IntegrationsPlattform.Host;
using IntegrationsPlattform.Host.Cli;
using IntegrationsPlattform.Host.Configuration;

var (command, hostArgs) = CliCommand.Parse(args);
var builder = WebApplication.CreateBuilder(hostArgs);

PlatformOptions options;
try
{
    options = PlatformOptions.Load(builder.Configuration, builder.Environment);
}
catch (ConfigurationErrorException ex)
{
    // The host refuses to start on bad configuration, naming the key.
    Console.Error.WriteLine(ex.Message);
    return 2;
}

builder.AddPlatform(options);
var app = builder.Build();
app.UsePlatform();

if (command is not null)
{
    return await command.RunAsync(app.Services, Console.Out, Console.Error);
}

await app.RunAsync();
return 0;

/// <summary>Entry point; public so that tests can start the host with WebApplicationFactory.</summary>
public partial class Program;
