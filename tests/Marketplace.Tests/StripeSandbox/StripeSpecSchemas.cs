using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Marketplace.Testing;

namespace Marketplace.Tests.StripeSandbox;

/// <summary>
/// The component schemas of the vendored Stripe description (<c>spec/stripe-spec.json</c>) as JSON Schema 2020-12:
/// OpenAPI 3.0's <c>nullable</c> becomes a null type, references point into <c>$defs</c>, Stripe's <c>x-</c> keywords go.
/// </summary>
public static class StripeSpecSchemas
{
    private static readonly Lazy<JsonObject> Definitions = new(Load);
    private static readonly Dictionary<string, JsonSchema> Built = [];

    public static string SpecPath { get; } = Path.Combine(RepositoryPaths.Root, "tests", "Marketplace.Tests", "StripeSandbox", "spec", "stripe-spec.json");

    public static bool Has(string name) => Definitions.Value.ContainsKey(name);

    /// <summary>Where the instance breaks the named schema, one line a failure; empty when it conforms.</summary>
    public static IReadOnlyList<string> Problems(string name, JsonElement instance, string label)
    {
        if (!Has(name))
        {
            return [$"{label}: the spec has no schema {name}"];
        }

        var results = SchemaOf(name).Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.Hierarchical });
        var problems = new List<string>();
        Collect(results, label, problems);
        return problems;
    }

    /// <summary>Where a list answer breaks the response schema of the operation (<c>GET /v1/charges</c>) that answered it.</summary>
    public static IReadOnlyList<string> ListProblems(string path, JsonElement instance)
    {
        var key = $"GET {path}";
        lock (Built)
        {
            if (!Built.TryGetValue(key, out var schema))
            {
                var spec = JsonNode.Parse(File.ReadAllText(SpecPath))!;
                var response = spec["paths"]![path]!["get"]!["responses"]!["200"]!["content"]!["application/json"]!["schema"]!;
                var root = Convert(response.DeepClone())!.AsObject();
                root["$schema"] = "https://json-schema.org/draft/2020-12/schema";
                root["$defs"] = Definitions.Value.DeepClone();
                schema = JsonSchema.Build(JsonSerializer.SerializeToElement(root), new BuildOptions { SchemaRegistry = new SchemaRegistry() },
                    new Uri($"https://stripe-spec.test/list/{Uri.EscapeDataString(path)}"));
                Built[key] = schema;
            }

            var problems = new List<string>();
            Collect(schema.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.Hierarchical }), key, problems);
            return problems;
        }
    }

    /// <summary>The failures that made the result fail: a failed branch of an <c>anyOf</c> that another branch passed is not one.</summary>
    private static void Collect(EvaluationResults result, string label, List<string> problems)
    {
        if (result.IsValid)
        {
            return;
        }

        problems.AddRange((result.Errors ?? new Dictionary<string, string>()).Select(e => $"{label}{result.InstanceLocation}: {e.Value}"));
        foreach (var detail in result.Details ?? [])
        {
            Collect(detail, label, problems);
        }
    }

    private static JsonSchema SchemaOf(string name)
    {
        lock (Built)
        {
            if (!Built.TryGetValue(name, out var schema))
            {
                var root = new JsonObject
                {
                    ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
                    ["$defs"] = Definitions.Value.DeepClone(),
                    ["$ref"] = $"#/$defs/{name}",
                };
                schema = JsonSchema.Build(JsonSerializer.SerializeToElement(root), new BuildOptions { SchemaRegistry = new SchemaRegistry() },
                    new Uri($"https://stripe-spec.test/{Uri.EscapeDataString(name)}"));
                Built[name] = schema;
            }

            return schema;
        }
    }

    private static JsonObject Load()
    {
        var spec = JsonNode.Parse(File.ReadAllText(SpecPath))!.AsObject();
        return Convert(spec["components"]!["schemas"]!.DeepClone())!.AsObject();
    }

    private static JsonNode? Convert(JsonNode? node)
    {
        switch (node)
        {
            case JsonArray array:
                return new JsonArray([.. array.Select(Convert)]);
            case JsonObject schema:
                var converted = new JsonObject();
                foreach (var (key, value) in schema)
                {
                    if (key.StartsWith("x-", StringComparison.Ordinal) || key == "nullable")
                    {
                        continue;
                    }

                    converted[key] = key == "$ref" ? value!.GetValue<string>().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal)
                        : key == "properties" ? new JsonObject([.. value!.AsObject().Select(p => KeyValuePair.Create(p.Key, Convert(p.Value)))])
                        : Convert(value);
                }

                return schema["nullable"]?.GetValue<bool>() == true ? Nullable(converted) : converted;
            default:
                return node?.DeepClone();
        }
    }

    private static JsonObject Nullable(JsonObject schema)
    {
        if (schema["enum"] is JsonArray values)
        {
            values.Add(null);
        }

        if (schema["type"] is JsonValue type)
        {
            schema["type"] = new JsonArray(type.GetValue<string>(), "null");
            return schema;
        }

        return new JsonObject { ["anyOf"] = new JsonArray(schema, new JsonObject { ["type"] = "null" }) };
    }
}
