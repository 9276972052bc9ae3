using System.Text.Json;
using IntegrationsPlattform.Contracts.Messaging;
using IntegrationsPlattform.Contracts.Modules;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

namespace IntegrationsPlattform.Host.Web;

/// <summary>RFC 7807 problem details for every API error, with German titles.</summary>
internal static class ProblemResponses
{
    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api");

    public static Task WriteAsync(HttpContext context, int status, string title, string detail, IDictionary<string, string[]>? errors = null)
    {
        var problem = errors is null
            ? new ProblemDetails()
            : new ValidationProblemDetails(errors);
        problem.Status = status;
        problem.Title = title;
        problem.Detail = detail;
        problem.Type = $"https://tools.ietf.org/html/rfc9110#section-15.{(status >= 500 ? "6" : "5")}.{StatusSection(status)}";
        problem.Instance = context.Request.Path;
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(problem, problem.GetType(), (JsonSerializerOptions?)null, "application/problem+json");
    }

    /// <summary>Maps what handlers throw to a status; unknown exceptions become a 500 without internals.</summary>
    public static (int Status, string Title, string Detail, IDictionary<string, string[]>? Errors) Map(Exception exception) => exception switch
    {
        RequestValidationException v => (400, "Ungültige Eingaben", "Bitte die markierten Felder prüfen.",
            v.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray())),
        BadHttpRequestException b => (400, "Ungültige Anfrage", BadRequestDetail(b), null),
        JsonException => (400, "Ungültige Anfrage", "Der Inhalt ist kein gültiges JSON für diesen Endpunkt.", null),
        OutOfScopeException o => (403, "Außerhalb Ihres Bereichs", o.Message, new Dictionary<string, string[]> { [o.Field] = [o.Message] }),
        RecordNotFoundException n => (404, "Nicht gefunden", n.Message, null),
        DomainRuleException d => (409, "Nicht möglich", d.Message, null),
        ModuleNotEnabledException m => (503, "Modul nicht aktiv", m.Message, null),
        _ => (500, "Interner Fehler", "Die Anfrage konnte nicht verarbeitet werden. Der Fehler wurde protokolliert.", null),
    };

    private static string BadRequestDetail(BadHttpRequestException exception)
        => exception.InnerException is JsonException
            ? "Der Inhalt ist kein gültiges JSON für diesen Endpunkt oder enthält Werte vom falschen Typ."
            : exception.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? "Die Anfrage ist zu groß."
                : "Die Anfrage ist unvollständig oder fehlerhaft: " + exception.Message;

    private static int StatusSection(int status) => status switch
    {
        400 => 1,
        401 => 2,
        403 => 4,
        404 => 5,
        409 => 10,
        413 => 14,
        429 => 1,
        500 => 1,
        503 => 4,
        _ => 1,
    };

    /// <summary>The exception handler for the API; pages get the error page instead.</summary>
    public static async Task HandleExceptionAsync(HttpContext context)
    {
        var exception = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        var (status, title, detail, errors) = exception is null ? (500, "Interner Fehler", "", null) : Map(exception);
        if (IsApi(context.Request))
        {
            await WriteAsync(context, status, title, detail, errors);
            return;
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(ErrorPage.Render(status, title, detail));
    }

    /// <summary>Responses that end with an error status but no body (404 of an unknown route, 405, 415 …).</summary>
    public static async Task HandleEmptyStatusAsync(StatusCodeContext statusContext)
    {
        var context = statusContext.HttpContext;
        var status = context.Response.StatusCode;
        var (title, detail) = status switch
        {
            404 => ("Nicht gefunden", "Unter dieser Adresse gibt es nichts."),
            405 => ("Methode nicht erlaubt", "Diese HTTP-Methode ist für diese Adresse nicht vorgesehen."),
            415 => ("Falsches Format", "Bitte den Inhalt als application/json senden."),
            401 => ("Anmeldung erforderlich", "Bitte anmelden."),
            403 => ("Keine Berechtigung", "Dafür fehlt die nötige Berechtigung."),
            _ => ("Fehler", "Die Anfrage konnte nicht verarbeitet werden."),
        };
        if (IsApi(context.Request))
        {
            await WriteAsync(context, status, title, detail);
            return;
        }

        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(ErrorPage.Render(status, title, detail));
    }
}
