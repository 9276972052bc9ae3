using Autofac;
using IntegrationsPlattform.Contracts.Kernel;
using IntegrationsPlattform.Host.Messaging;
using IntegrationsPlattform.Host.Modules;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationsPlattform.Host.Tests;

/// <summary>
/// The behaviours each request passes, in nesting order, as MediatR gets them from the platform: every
/// request is logged, only requests with validators are validated, only commands run in a transaction.
/// </summary>
[TestFixture]
public sealed class RequestPipelineTests : HostFixture
{
    [Test]
    public async Task AQueryWithoutValidatorsIsOnlyLogged_ByOneSharedInstance()
    {
        var inFirstScope = await BehavioursAsync(typeof(GetDeployment), typeof(DeploymentInfo));
        var inSecondScope = await BehavioursAsync(typeof(GetDeployment), typeof(DeploymentInfo));
        Assert.Multiple(() =>
        {
            Assert.That(inFirstScope.Select(Definition), Is.EqualTo(new[] { typeof(LoggingBehavior<,>) }));
            Assert.That(inSecondScope.Single(), Is.SameAs(inFirstScope.Single()));
        });
    }

    [Test]
    public async Task ACommandWithAValidatorIsLoggedThenValidatedThenRunInItsTransaction()
    {
        var command = BeispielType("CreateEintrag");
        var behaviours = await BehavioursAsync(command, typeof(Guid));
        Assert.That(behaviours.Select(Definition), Is.EqualTo(new[] { typeof(LoggingBehavior<,>), typeof(ValidationBehavior<,>), typeof(TransactionBehavior<,>) }));
    }

    [Test]
    public async Task AModuleQueryWithoutValidatorsGetsNeitherValidationNorTransaction()
    {
        var query = BeispielType("GetEintrag");
        var behaviours = await BehavioursAsync(query, BeispielType("EintragDto"));
        Assert.That(behaviours.Select(Definition), Is.EqualTo(new[] { typeof(LoggingBehavior<,>) }));
    }

    private async Task<IReadOnlyList<object>> BehavioursAsync(Type request, Type response)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var lifetime = scope.ServiceProvider.GetRequiredService<ApplicationScope>().Lifetime;
        var list = typeof(IEnumerable<>).MakeGenericType(typeof(IPipelineBehavior<,>).MakeGenericType(request, response));
        var behaviours = (System.Collections.IEnumerable)lifetime.Resolve<RequestPipelines>().Resolve(lifetime, list)!;
        return behaviours.Cast<object>().ToList();
    }

    private Type BeispielType(string name)
        => Host.Services.GetRequiredService<ModuleRegistry>().Find("Beispiel")!.Assembly!.GetType($"IntegrationsPlattform.TestPlugins.Beispiel.{name}", throwOnError: true)!;

    private static Type Definition(object behaviour) => behaviour.GetType().GetGenericTypeDefinition();
}
