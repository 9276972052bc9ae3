using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using IntegrationsPlattform.Contracts.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationsPlattform.Testing;

/// <summary>One HTTP method of one API endpoint, as the running host maps it.</summary>
public sealed record ApiEndpoint(string Method, string Pattern, EndpointMetadataCollection Metadata)
{
    /// <summary>How tests name the endpoint: <c>POST /api/lotsen/anfragen/{id:guid}/status</c>.</summary>
    public string Key => $"{Method} {Pattern}";

    public bool IsWrite => Method is "POST" or "PUT" or "PATCH" or "DELETE";

    /// <summary>The permissions the endpoint requires (all of them).</summary>
    public IReadOnlyList<string> Permissions => Metadata.GetOrderedMetadata<RequirePermissionAttribute>().Select(p => p.PermissionKey).Distinct().ToList();

    public int RouteParameters => ApiEndpoints.RouteParameter().Count(Pattern);

    /// <summary>What the endpoint reads from a body: JSON unless it declares otherwise (a file upload, say).</summary>
    public string ContentType => Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes is [var first, ..] ? first : "application/json";

    public string SamplePath() => ApiEndpoints.SamplePath(Pattern);

    /// <summary>The path of the pattern for the record <paramref name="id"/> (the pattern's one route parameter).</summary>
    public string PathFor(string id) => ApiEndpoints.RouteParameter().Replace(Pattern, id);
}

/// <summary>
/// The API endpoints of a running host, taken from its endpoint data source — so that a check over them
/// covers a new endpoint without being touched — and the access checks every one of them must pass.
/// </summary>
public static partial class ApiEndpoints
{
    /// <summary>Every method of every endpoint whose route starts with <paramref name="prefix"/> (e.g. <c>/api/lotsen/</c>).</summary>
    public static IReadOnlyList<ApiEndpoint> Of(PlatformHost host, string prefix = "/api/")
        => host.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith(prefix, StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => new ApiEndpoint(m, e.RoutePattern.RawText!, e.Metadata)))
            .ToList();

    /// <summary>A path of a route pattern with made-up values: a new id for a guid, a municipality for an AGS.</summary>
    public static string SamplePath(string pattern) => RouteParameter().Replace(pattern, m => m.Groups[2].Value switch
    {
        ":guid" => Guid.NewGuid().ToString(),
        _ when m.Groups[1].Value == "ags" => "06437006",
        _ => "x",
    });

    /// <summary>A request of the endpoint as a client sends it; writes carry <paramref name="json"/>, or an empty body of another declared type.</summary>
    internal static HttpRequestMessage Request(ApiEndpoint endpoint, string path, string json = "{}")
    {
        var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), path);
        if (endpoint.Method is "POST" or "PUT" or "PATCH")
        {
            request.Content = endpoint.ContentType == "application/json"
                ? new StringContent(json, Encoding.UTF8, "application/json")
                : new StringContent("", Encoding.UTF8, endpoint.ContentType);
        }

        return request;
    }

    /// <summary>Every endpoint but the public ones answers 401 problem details to a client without token; returns the ones that do not.</summary>
    public static async Task<IReadOnlyList<string>> WithoutTokenAsync(PlatformHost host, IEnumerable<ApiEndpoint> endpoints, ISet<string> publicEndpoints)
    {
        using var client = host.Anonymous();
        var wrong = new List<string>();
        foreach (var endpoint in endpoints.Where(e => !publicEndpoints.Contains(e.Key)))
        {
            using var response = await client.SendAsync(Request(endpoint, endpoint.SamplePath()));
            if (response.StatusCode != HttpStatusCode.Unauthorized || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            {
                wrong.Add($"{endpoint.Key}: {(int)response.StatusCode} {response.Content.Headers.ContentType?.MediaType}");
            }
        }

        return wrong;
    }

    /// <summary>
    /// Every endpoint but the <paramref name="open"/> ones (public, or for any signed-in user) answers 403 to
    /// <paramref name="client"/>, a user without any permission; returns the ones that do not.
    /// </summary>
    public static async Task<IReadOnlyList<string>> WithoutPermissionAsync(HttpClient client, IEnumerable<ApiEndpoint> endpoints, ISet<string> open)
    {
        var wrong = new List<string>();
        foreach (var endpoint in endpoints.Where(e => !open.Contains(e.Key)))
        {
            using var response = await client.SendAsync(Request(endpoint, endpoint.SamplePath()));
            if (response.StatusCode != HttpStatusCode.Forbidden)
            {
                wrong.Add($"{endpoint.Key}: {(int)response.StatusCode}");
            }
        }

        return wrong;
    }

    [GeneratedRegex(@"\{([^}:]+)(:[^}]+)?\}")]
    internal static partial Regex RouteParameter();
}
