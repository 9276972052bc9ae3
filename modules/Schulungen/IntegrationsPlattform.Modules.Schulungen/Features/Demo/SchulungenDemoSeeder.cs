using IntegrationsPlattform.Contracts.Demo;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Contracts.Web;
using IntegrationsPlattform.Modules.Schulungen.Features.Anmeldungen;
using MediatR;

namespace IntegrationsPlattform.Modules.Schulungen.Features.Demo;

/// <summary>
/// Invented demo data for the deployment's municipalities when the host seeds demo data, written by internal bulk
/// commands, each in one transaction of the module database (rolled back as a whole on any error): first courses,
/// sessions and schools, then the people in those sessions. Public registrations not yet confirmed go to the platform's
/// double opt-in as the public form hands them over (their mails land in the demo's pickup folder).
/// </summary>
internal sealed class SchulungenDemoSeeder(IMediator mediator, IDoubleOptIn optIn) : IDemoDataSeeder
{
    public async Task SeedAsync(DeploymentInfo deployment, DemoSize size, CancellationToken cancellationToken)
    {
        await mediator.Send(new CreateDemoDaten(deployment, size), cancellationToken);
        var teilnahmen = await mediator.Send(new CreateDemoTeilnahmen(), cancellationToken);
        foreach (var anfrage in teilnahmen.Angefragt)
        {
            await optIn.RequestAsync(
                new OptInRequest(OeffentlicheAnmeldung.OptInKind, anfrage.Eingabe.Email!, anfrage.Payload(), $"Anmeldung zur Schulung „{teilnahmen.Kurs}“"),
                cancellationToken);
        }
    }
}
