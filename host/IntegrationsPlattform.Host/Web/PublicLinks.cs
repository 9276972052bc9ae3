using IntegrationsPlattform.Contracts.Web;
using IntegrationsPlattform.Host.Configuration;

namespace IntegrationsPlattform.Host.Web;

internal sealed class PublicLinks(PlatformOptions options, IHttpContextAccessor accessor) : IPublicLinks
{
    public Uri Absolute(string path)
    {
        var relative = path.TrimStart('/');
        if (options.PublicBaseUrl is { } configured)
        {
            return new Uri(EnsureTrailingSlash(configured), relative);
        }

        // Without configuration (demo, development) the current request is the best guess.
        var request = accessor.HttpContext?.Request;
        var origin = request is null ? new Uri("http://localhost/") : new Uri($"{request.Scheme}://{request.Host}{request.PathBase}/");
        return new Uri(origin, relative);
    }

    private static Uri EnsureTrailingSlash(Uri uri) => uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
}
