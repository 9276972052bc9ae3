using System.Collections.Concurrent;
using System.Security.Claims;
using System.Text.Encodings.Web;
using IntegrationsPlattform.Contracts.Security;
using IntegrationsPlattform.Host.Configuration;
using IntegrationsPlattform.Host.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http.Features.Authentication;
using Microsoft.Extensions.Options;

namespace IntegrationsPlattform.Host.Security;

internal static class PlatformAuthentication
{
    public const string Smart = "Platform";
    public const string Bearer = "Bearer";
    public const string UserIdClaim = "uid";
    public const string StampClaim = "stamp";

    /// <summary>
    /// Pages use the cookie, <c>/api</c> only bearer tokens (no cookie there, hence no CSRF on the API).
    /// Permissions are policies named <c>perm:&lt;key&gt;</c>; everything without metadata needs a login.
    /// </summary>
    public static IServiceCollection AddPlatformAuthentication(this IServiceCollection services, PlatformOptions options)
    {
        services.AddAuthentication(Smart)
            .AddPolicyScheme(Smart, Smart, o => o.ForwardDefaultSelector = context => SchemeFor(context.Request))
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(Bearer, null)
            .AddCookie(CookieAuthenticationDefaults.AuthenticationScheme, o =>
            {
                o.LoginPath = "/account/login";
                o.LogoutPath = "/account/logout";
                o.AccessDeniedPath = "/account/denied";
                o.Cookie.Name = "ip.session";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromMinutes(options.Security.SessionTimeoutMinutes);
                o.SlidingExpiration = true;
                o.Events.OnValidatePrincipal = ValidateSessionAsync;
            });

        services.AddSingleton<IAuthorizationPolicyProvider, PermissionPolicyProvider>();
        services.AddSingleton<IAuthorizationHandler, PermissionHandler>();

        // ASP.NET Core registers these stateless services as transient, and the authorization middleware
        // resolves them from the request container on every request, a new object graph each time.
        // Registered first, as singletons, they are built once.
        services.AddSingleton<IPolicyEvaluator, PolicyEvaluator>();
        services.AddSingleton<IAuthorizationService, DefaultAuthorizationService>();
        services.AddSingleton<IAuthorizationHandlerProvider, DefaultAuthorizationHandlerProvider>();
        services.AddSingleton<IAuthorizationHandlerContextFactory, DefaultAuthorizationHandlerContextFactory>();
        services.AddSingleton<IAuthorizationEvaluator, DefaultAuthorizationEvaluator>();
        services.AddAuthorization(o => o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        return services;
    }

    private static string SchemeFor(HttpRequest request) => ProblemResponses.IsApi(request) ? Bearer : CookieAuthenticationDefaults.AuthenticationScheme;

    public static IApplicationBuilder UsePlatformAuthentication(this IApplicationBuilder app)
    {
        // Without this mark, WebApplication would put the framework's middleware in front of the pipeline too.
        app.Properties["__AuthenticationMiddlewareSet"] = true;
        return app.UseMiddleware<PlatformAuthenticationMiddleware>();
    }

    public static ClaimsPrincipal Principal(string userId, string userName, string stamp, string scheme)
        => new(new ClaimsIdentity([new Claim(UserIdClaim, userId), new Claim(ClaimTypes.Name, userName), new Claim(StampClaim, stamp)], scheme));

    /// <summary>A deactivated user or a changed password ends every session on the next request.</summary>
    private static async Task ValidateSessionAsync(CookieValidatePrincipalContext context)
    {
        var userId = context.Principal?.FindFirst(UserIdClaim)?.Value;
        var stamp = context.Principal?.FindFirst(StampClaim)?.Value;
        var grants = userId is null ? null : await context.HttpContext.RequestServices.GetRequiredService<PermissionCache>().GetAsync(userId);
        if (grants is null || !grants.IsActive || grants.SecurityStamp != stamp)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }
}

/// <summary>
/// ASP.NET Core's authentication middleware, for the one scheme a path uses. The framework's would
/// activate the forwarding default scheme's handler and then the real one on every request, both
/// from the request container; here a page request goes straight to the cookie handler, and an API
/// request to a bearer handler built with its singletons (no container walk on the API's hot path).
/// Challenges, forbids and sign-outs still go through the default scheme. No scheme here handles
/// requests itself, as remote logins would.
/// </summary>
internal sealed class PlatformAuthenticationMiddleware(
    RequestDelegate next, IAuthenticationSchemeProvider schemes, IOptionsMonitor<AuthenticationSchemeOptions> bearerOptions,
    ILoggerFactory loggers, UrlEncoder encoder, TokenService tokens, PermissionCache cache)
{
    private AuthenticationScheme? _bearer;

    public async Task InvokeAsync(HttpContext context)
    {
        context.Features.Set<IAuthenticationFeature>(new AuthenticationFeature { OriginalPath = context.Request.Path, OriginalPathBase = context.Request.PathBase });
        AuthenticateResult result;
        if (ProblemResponses.IsApi(context.Request))
        {
            var handler = new BearerTokenHandler(bearerOptions, loggers, encoder, tokens, cache);
            await handler.InitializeAsync(_bearer ??= (await schemes.GetSchemeAsync(PlatformAuthentication.Bearer))!, context);
            result = await handler.AuthenticateAsync();
        }
        else
        {
            result = await context.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }

        if (result.Principal is not null)
        {
            context.User = result.Principal;
        }

        if (result.Succeeded)
        {
            var authenticated = new AuthenticatedRequest(result);
            context.Features.Set<IHttpAuthenticationFeature>(authenticated);
            context.Features.Set<IAuthenticateResultFeature>(authenticated);
        }

        await next(context);
    }

    /// <summary>What the authorization middleware reads to reuse the result instead of authenticating again.</summary>
    private sealed class AuthenticatedRequest(AuthenticateResult result) : IAuthenticateResultFeature, IHttpAuthenticationFeature
    {
        public AuthenticateResult? AuthenticateResult { get; set; } = result;

        public ClaimsPrincipal? User
        {
            get => AuthenticateResult?.Principal;
            set => AuthenticateResult = value is null ? null : AuthenticateResult.Success(new AuthenticationTicket(value, AuthenticateResult?.Ticket?.AuthenticationScheme ?? string.Empty));
        }
    }
}

/// <summary>Reads <c>Authorization: Bearer …</c>; answers 401/403 as problem details.</summary>
internal sealed class BearerTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, TokenService tokens, PermissionCache cache)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var token = header["Bearer ".Length..].Trim();
        var userId = token.Length is > 0 and <= 128 ? await tokens.ValidateAsync(token, Context.RequestAborted) : null;
        var grants = userId is null ? null : await cache.GetAsync(userId);
        if (grants is null || !grants.IsActive)
        {
            return AuthenticateResult.Fail("Token ungültig, abgelaufen oder widerrufen.");
        }

        var principal = PlatformAuthentication.Principal(grants.UserId, grants.UserName, grants.SecurityStamp, Scheme.Name);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return ProblemResponses.WriteAsync(Context, StatusCodes.Status401Unauthorized, "Anmeldung erforderlich", "Bitte mit einem gültigen Bearer-Token anfragen (POST /api/auth/token).");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
        => ProblemResponses.WriteAsync(Context, StatusCodes.Status403Forbidden, "Keine Berechtigung", "Dem Benutzer fehlt die nötige Berechtigung für diesen Endpunkt.");
}

internal sealed record PermissionRequirement(string PermissionKey) : IAuthorizationRequirement;

/// <summary>
/// A permission's policy is the same for as long as the host runs: built once per permission, and the
/// authorization middleware may keep the combined policy of an endpoint (which it does not for a
/// derived provider unless told so).
/// </summary>
internal sealed class PermissionPolicyProvider(IOptions<AuthorizationOptions> options) : DefaultAuthorizationPolicyProvider(options)
{
    private readonly ConcurrentDictionary<string, Task<AuthorizationPolicy?>> _permissionPolicies = new(StringComparer.Ordinal);

    public override bool AllowsCachingPolicies => true;

    public override Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
        => policyName.StartsWith(PermissionPolicy.Prefix, StringComparison.Ordinal)
            ? _permissionPolicies.GetOrAdd(policyName, name => Task.FromResult<AuthorizationPolicy?>(new AuthorizationPolicyBuilder()
                .RequireAuthenticatedUser()
                .AddRequirements(new PermissionRequirement(name[PermissionPolicy.Prefix.Length..]))
                .Build()))
            : base.GetPolicyAsync(policyName);
}

internal sealed class PermissionHandler(PermissionCache cache) : AuthorizationHandler<PermissionRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        var userId = context.User.FindFirst(PlatformAuthentication.UserIdClaim)?.Value;
        var grants = userId is null ? null : await cache.GetAsync(userId);
        if (grants is not null && grants.IsActive && grants.Permissions.ContainsKey(requirement.PermissionKey))
        {
            context.Succeed(requirement);
        }
    }
}

/// <summary>The signed-in user for module code; permissions come from the cache.</summary>
internal sealed class CurrentUser(IHttpContextAccessor accessor, PermissionCache cache) : ICurrentUser
{
    private UserGrants? _grants;
    private bool _loaded;

    public Guid? UserId => Grants is { } g && Guid.TryParse(g.UserId, out var id) ? id : null;

    public string? UserName => Grants?.UserName;

    public string? DisplayName => Grants?.DisplayName;

    public bool IsAuthenticated => Grants is not null;

    public bool Has(string permissionKey) => Grants?.Permissions.ContainsKey(permissionKey) == true;

    public PermissionScope? ScopeOf(string permissionKey) => Grants?.Permissions.GetValueOrDefault(permissionKey);

    internal UserGrants? Grants
    {
        get
        {
            if (!_loaded)
            {
                var userId = accessor.HttpContext?.User.FindFirst(PlatformAuthentication.UserIdClaim)?.Value;
                _grants = userId is null ? null : cache.GetAsync(userId).GetAwaiter().GetResult();
                _loaded = true;
            }

            return _grants;
        }
    }
}
