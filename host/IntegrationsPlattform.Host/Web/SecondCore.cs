using Microsoft.AspNetCore.DataProtection.KeyManagement.Internal;
using Microsoft.Extensions.Primitives;

namespace IntegrationsPlattform.Host.Web;

/// <summary>
/// Start-up work begun on the second core while the main thread goes on setting up the pipeline and
/// starting the host (hosted services, Kestrel). Nothing is skipped or deferred: whoever needs a result
/// first — a hosted service, the first request — waits for whatever is not finished yet.
/// </summary>
internal static class SecondCore
{
    /// <summary>
    /// Building the endpoint table (a request delegate and JSON metadata per API endpoint, the page routes of
    /// every module) is the largest single part of the start-up. ASP.NET Core builds it on the first request,
    /// and the routing middleware and the API description each build their own copy from the same sources.
    /// The sources are wrapped so that every consumer gets the one table, and it is built right away.
    /// </summary>
    public static void BuildEndpointTable(WebApplication app)
    {
        IEndpointRouteBuilder routes = app;
        var sources = routes.DataSources.Select(source => new BuiltOnceEndpointDataSource(source)).ToList();
        routes.DataSources.Clear();
        foreach (var source in sources)
        {
            routes.DataSources.Add(source);
        }

        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SecondCore));
        _ = Task.Run(() =>
        {
            try
            {
                foreach (var source in sources)
                {
                    _ = source.Endpoints;
                }
            }
            catch (Exception ex)
            {
                // The first request builds the table again and reports the error where it belongs.
                logger.LogDebug(ex, "Endpunkttabelle beim Start nicht aufgebaut");
            }
        });
    }

    /// <summary>
    /// The application container (Autofac: MediatR, the host's application services, every module's),
    /// which the hosted services need first. Its build compiles a constructor invoker per registration.
    /// </summary>
    public static void BuildApplicationContainer(WebApplication app)
    {
        var services = app.Services;
        _ = Task.Run(() =>
        {
            try
            {
                services.GetRequiredService<ApplicationContainer>();
            }
            catch (Exception)
            {
                // The first service that needs it builds it again and the start fails there, with the error.
            }
        });
    }

    /// <summary>The key ring for cookies and anti-forgery tokens, which data protection loads during the host start.</summary>
    public static void LoadKeyRing(WebApplication app)
    {
        var keyRing = app.Services.GetRequiredService<IKeyRingProvider>();
        _ = Task.Run(() =>
        {
            try
            {
                keyRing.GetCurrentKeyRing();
            }
            catch (Exception)
            {
                // Data protection loads it again in its own hosted service and reports a failure there.
            }
        });
    }
}

/// <summary>An endpoint source whose endpoints are built once (again only when the source signals a change).</summary>
internal sealed class BuiltOnceEndpointDataSource : EndpointDataSource
{
    private readonly EndpointDataSource _inner;
    private readonly Lock _gate = new();
    private IReadOnlyList<Endpoint>? _endpoints;

    public BuiltOnceEndpointDataSource(EndpointDataSource inner)
    {
        _inner = inner;
        ChangeToken.OnChange(inner.GetChangeToken, () =>
        {
            lock (_gate)
            {
                _endpoints = null;
            }
        });
    }

    public override IReadOnlyList<Endpoint> Endpoints
    {
        get
        {
            lock (_gate)
            {
                return _endpoints ??= _inner.Endpoints;
            }
        }
    }

    public override IChangeToken GetChangeToken() => _inner.GetChangeToken();

    public override IReadOnlyList<Endpoint> GetGroupedEndpoints(RouteGroupContext context) => _inner.GetGroupedEndpoints(context);
}
