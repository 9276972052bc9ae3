using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using IntegrationsPlattform.Contracts.Web;
using IntegrationsPlattform.Host.Configuration;
using IntegrationsPlattform.Host.Dsgvo;
using IntegrationsPlattform.Host.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace IntegrationsPlattform.Host.Web;

/// <summary>
/// What the admin pages need beyond a page: the DSGVO export as a file download. It takes a form post
/// with the signed-in cookie, so form binding makes ASP.NET Core check the anti-forgery token.
/// </summary>
internal static class AdminPageEndpoints
{
    public static void MapAdminPageEndpoints(this WebApplication app)
    {
        // The API's JSON settings, but indented and with umlauts unescaped: the file is handed to the person, who should be able to read it.
        var api = app.Services.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        var readable = new JsonSerializerOptions(api) { WriteIndented = true, Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

        app.MapPost("/admin/dsgvo/export", async ([FromForm] string? name, [FromForm] string? email, DataSubjectService service, PlatformOptions options, TimeProvider time, CancellationToken ct) =>
            {
                var exports = await service.ExportAsync(AdminApi.ToQuery(name, email), ct);
                var date = TimeZoneInfo.ConvertTime(time.GetUtcNow(), options.TimeZone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                return Results.File(JsonSerializer.SerializeToUtf8Bytes(exports, readable), "application/json", $"auskunft-{date}.json");
            })
            .RequirePermission(PermissionCatalog.PlatformDataSubjects)
            .ExcludeFromDescription();
    }
}
