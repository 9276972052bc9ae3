using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace IntegrationsPlattform.Testing;

/// <summary>
/// Strict checks of Open Referral HSDS 3.0 documents against the schemas in <c>../shared/standards/hsds-3.0/</c>,
/// read from there at test time (never copied into the repository). HSDS's own schemas allow any extra property;
/// Open Referral checks its examples with every object closed, so these checks derive a strict variant in memory:
/// <c>additionalProperties: false</c> on every object schema that lists properties, and the formats the schemas
/// name (uuid, uri, email, date-time) asserted, not just annotated.
/// </summary>
public sealed class HsdsSchemas
{
    /// <summary>A fully nested service (<c>GET /services/{id}</c>, one entry of an export).</summary>
    public static readonly HsdsSchemas Service = new("compiled/service.json");

    /// <summary>A service as an entry of <c>GET /services</c> (one-to-one fields and its organization).</summary>
    public static readonly HsdsSchemas ServiceListEntry = new("compiled/service_list.json");

    /// <summary>A fully nested organization with its services (<c>GET /organizations/{id}</c>).</summary>
    public static readonly HsdsSchemas Organization = new("compiled/organization.json");

    /// <summary>An organization as an entry of <c>GET /organizations</c>.</summary>
    public static readonly HsdsSchemas OrganizationListEntry = new("compiled/organization_list.json");

    /// <summary>
    /// A location on its own (<c>GET /locations/{id}</c>, an entry of <c>GET /locations</c>): the self-contained location of
    /// the compiled organization, since <c>location.json</c> refers to the other tables' files.
    /// </summary>
    public static readonly HsdsSchemas Location = new(
        "compiled/organization.json#/properties/locations/items",
        () => ReadSchema("compiled/organization.json")["properties"]!["locations"]!["items"]!.DeepClone().AsObject());

    private static readonly ConcurrentDictionary<string, Lazy<JsonSchema>> Built = new();

    private static readonly EvaluationOptions Strict = new()
    {
        OutputFormat = OutputFormat.List,
        RequireFormatValidation = true,
    };

    private readonly string name;
    private readonly Func<JsonObject> load;

    private HsdsSchemas(string file)
        : this(file, () => ReadSchema(file))
    {
    }

    private HsdsSchemas(string name, Func<JsonObject> load)
    {
        this.name = name;
        this.load = load;
    }

    /// <summary>The folder the schemas are read from.</summary>
    public static string Folder => RepositoryPaths.SharedStandard("hsds-3.0");

    /// <summary>
    /// A page of the HSDS API (<c>openapi.json</c>, <c>components/schemas/Page</c>) whose <c>contents</c> are entries
    /// of this schema. Every page field is required: clients page by them.
    /// </summary>
    public HsdsSchemas Page() => new($"Seite mit {name}", () =>
    {
        var openApi = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "openapi.json")))!;
        var page = openApi["components"]!["schemas"]!["Page"]!.DeepClone().AsObject();
        var properties = page["properties"]!.AsObject();
        properties["contents"] = new JsonObject { ["type"] = "array", ["items"] = load() };
        page["required"] = new JsonArray(properties.Select(property => (JsonNode?)property.Key).ToArray());
        return page;
    });

    /// <summary>Every violation as „instance path: message“, empty for a valid document.</summary>
    public IReadOnlyList<string> Problems(string json)
    {
        using var document = JsonDocument.Parse(json);
        var results = Schema().Evaluate(document.RootElement, Strict);
        return results.IsValid
            ? []
            : (results.Details ?? [])
                .Where(detail => detail.Errors is { Count: > 0 })
                .SelectMany(detail => detail.Errors!.Select(error => $"{PathOf(detail)}: {error.Value} ({error.Key})"))
                .Distinct()
                .ToList();
    }

    /// <summary>Fails the test naming every violation with its path.</summary>
    public void AssertValid(string json)
    {
        var problems = Problems(json);
        Assert.That(problems, Is.Empty, $"Kein gültiges HSDS 3.0 ({name}):\n{string.Join("\n", problems)}");
    }

    private JsonSchema Schema() => Built.GetOrAdd(name, _ => new Lazy<JsonSchema>(() =>
    {
        var strict = load();
        Close(strict);
        var options = new BuildOptions { Dialect = Dialect.Draft202012, SchemaRegistry = new SchemaRegistry() };
        return JsonSchema.Build(JsonSerializer.SerializeToElement(strict), options, new Uri($"https://hsds.test/{Uri.EscapeDataString(name)}"));
    })).Value;

    private static string PathOf(EvaluationResults detail) =>
        detail.InstanceLocation.ToString() is { Length: > 0 } path ? path : "/";

    private static JsonObject ReadSchema(string file) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, file)))!.AsObject();

    /// <summary>
    /// Closes every object schema below <paramref name="schema"/>, following only the keywords that hold schemas
    /// (HSDS's own annotations such as <c>datapackage_metadata</c> are objects but no schemas).
    /// </summary>
    private static void Close(JsonObject schema)
    {
        if (schema["properties"] is JsonObject properties)
        {
            schema.TryAdd("additionalProperties", false);
            foreach (var (_, property) in properties)
            {
                CloseAny(property);
            }
        }

        foreach (var keyword in new[] { "items", "additionalProperties", "not" })
        {
            CloseAny(schema[keyword]);
        }

        foreach (var keyword in new[] { "allOf", "anyOf", "oneOf" })
        {
            foreach (var entry in schema[keyword] as JsonArray ?? [])
            {
                CloseAny(entry);
            }
        }

        foreach (var keyword in new[] { "definitions", "$defs" })
        {
            foreach (var (_, definition) in schema[keyword] as JsonObject ?? [])
            {
                CloseAny(definition);
            }
        }
    }

    private static void CloseAny(JsonNode? node)
    {
        if (node is JsonObject schema)
        {
            Close(schema);
        }
    }
}
