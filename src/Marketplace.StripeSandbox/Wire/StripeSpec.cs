using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Marketplace.StripeSandbox.Wire;

/// <summary>
/// What Stripe's OpenAPI description says of the operations the sandbox serves: each one's parameters and the
/// fields that <c>expand[]</c> may name. Read from <c>stripe-operations.json</c>, which
/// <c>tests/Marketplace.Tests/StripeSandbox/spec/trim.py</c> generates from the vendored description.
/// </summary>
public sealed partial class StripeSpec
{
    private readonly Dictionary<string, JsonObject> _operations = new(StringComparer.Ordinal);
    private readonly JsonObject _expandable;

    private StripeSpec(JsonObject document)
    {
        foreach (var (key, operation) in document["operations"]!.AsObject())
        {
            _operations[Normalize(key)] = operation!.AsObject();
        }

        _expandable = document["expandable"]!.AsObject();
        Version = document["info"]!["version"]!.GetValue<string>();
    }

    public static StripeSpec Instance { get; } = Load();

    /// <summary>The API version of the description the table was generated from.</summary>
    public string Version { get; }

    /// <summary>The operations the table describes, as <c>POST /v1/accounts/{}</c>: path parameters unnamed.</summary>
    public IReadOnlyCollection<string> Operations => _operations.Keys;

    public static string KeyOf(string method, string path) => Normalize($"{method.ToUpperInvariant()} {path}");

    /// <summary>Refuses what Stripe would refuse of the call's parameters and <c>expand[]</c>; a call the description does not know passes.</summary>
    public void Check(string method, string path, StripeForm form)
    {
        if (!_operations.TryGetValue(KeyOf(method, path), out var operation))
        {
            return;
        }

        StripeParameters.Check(operation["parameters"]!.AsObject(), form.Tree);
        StripeExpandPaths.Check(operation["response"]!.AsObject(), form.Strings("expand"), this);
    }

    /// <summary>The top-level parameters of an operation (<c>GET /v1/charges</c>), as Stripe describes them.</summary>
    public IReadOnlyCollection<string> ParametersOf(string operation) =>
        _operations.TryGetValue(Normalize(operation), out var found) && found["parameters"]?["properties"] is JsonObject names
            ? [.. names.Select(pair => pair.Key)]
            : [];

    /// <summary>The names nested under a parameter of an operation (<c>POST /v1/accounts</c>, <c>capabilities</c>).</summary>
    public IReadOnlyCollection<string> ParameterNames(string operation, string parameter) =>
        _operations.TryGetValue(Normalize(operation), out var found) && found["parameters"]?["properties"]?[parameter]?["properties"] is JsonObject names
            ? [.. names.Select(pair => pair.Key)]
            : [];

    /// <summary>The fields of the named schema that <c>expand[]</c> may name, each with the schemas it expands to.</summary>
    internal JsonObject? ExpandableFieldsOf(string schema) => _expandable[schema] as JsonObject;

    private static StripeSpec Load()
    {
        using var stream = typeof(StripeSpec).Assembly.GetManifestResourceStream("stripe-operations.json")
            ?? throw new InvalidOperationException("The sandbox's assembly lacks stripe-operations.json.");
        return new StripeSpec(JsonNode.Parse(stream)!.AsObject());
    }

    /// <summary>Path parameters are named differently by the sandbox's routes and the description: neither name matters.</summary>
    private static string Normalize(string key) => PathParameter().Replace(key, "{}");

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex PathParameter();
}
