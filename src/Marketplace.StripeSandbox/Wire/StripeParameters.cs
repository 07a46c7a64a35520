using System.Globalization;
using System.Text.Json.Nodes;

namespace Marketplace.StripeSandbox.Wire;

/// <summary>
/// Checks form or query parameters (as <see cref="StripeForm.Tree"/> reads them) against an operation's parameter
/// schema from Stripe's OpenAPI description, refusing as Stripe refuses: an unknown name at any depth
/// (<c>parameter_unknown</c>), a missing required one, a value of the wrong type or outside an enum, an empty
/// value for a parameter that cannot be unset, and a currency Stripe does not know.
/// </summary>
public static class StripeParameters
{
    public static void Check(JsonObject schema, IReadOnlyDictionary<string, object> parameters)
    {
        if (Refusal(schema, parameters, "") is { } refusal)
        {
            throw refusal;
        }
    }

    private static StripeApiException? Refusal(JsonObject schema, object value, string name)
    {
        if (schema["anyOf"] is JsonArray branches)
        {
            var refusals = new List<StripeApiException>();
            foreach (var branch in branches)
            {
                if (Refusal(branch!.AsObject(), value, name) is not { } refusal)
                {
                    return null;
                }

                refusals.Add(refusal);
            }

            // The refusal worth reading comes from a branch of the value's own kind (a hash for a hash).
            var kindOfValue = value is string ? "scalar" : "hash";
            return refusals.Zip(branches).FirstOrDefault(pair => KindOf(pair.Second!.AsObject()) == kindOfValue).First ?? refusals[0];
        }

        var type = schema["type"]?.GetValue<string>() ?? (schema["properties"] is not null ? "object" : null);
        return type switch
        {
            "object" => value is IReadOnlyDictionary<string, object> hash ? ObjectRefusal(schema, hash, name) : Invalid(name, "Invalid hash"),
            "array" => value is IReadOnlyDictionary<string, object> items ? ArrayRefusal(schema, items, name) : Invalid(name, "Invalid array"),
            _ when value is string text => ScalarRefusal(schema, type, text, name),
            _ => Invalid(name, $"Invalid {type ?? "value"}: {name} must be a {type ?? "value"}, not a hash"),
        };
    }

    private static StripeApiException? ObjectRefusal(JsonObject schema, IReadOnlyDictionary<string, object> hash, string name)
    {
        var properties = schema["properties"] as JsonObject;
        foreach (var (key, value) in hash)
        {
            var child = name.Length == 0 ? key : $"{name}[{key}]";
            var childSchema = properties?[key] as JsonObject ?? schema["additionalProperties"] as JsonObject;
            if (childSchema is null)
            {
                return new StripeApiException(StatusCodes.Status400BadRequest, $"Received unknown parameter: {child}", "parameter_unknown", child);
            }

            // An empty value removes a key of a map such as metadata.
            var removesKey = value is "" && properties?[key] is null;
            if (!removesKey && Refusal(childSchema, value, child) is { } refusal)
            {
                return refusal;
            }
        }

        var missing = (schema["required"] as JsonArray)?.Select(n => n!.GetValue<string>()).FirstOrDefault(key => !hash.ContainsKey(key));
        return missing is null ? null : StripeApiException.Missing(name.Length == 0 ? missing : $"{name}[{missing}]");
    }

    private static StripeApiException? ArrayRefusal(JsonObject schema, IReadOnlyDictionary<string, object> items, string name)
    {
        var itemSchema = schema["items"] as JsonObject ?? [];
        foreach (var (index, item) in items)
        {
            if (!int.TryParse(index, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                return Invalid(name, "Invalid array");
            }

            if (Refusal(itemSchema, item, $"{name}[{index}]") is { } refusal)
            {
                return refusal;
            }
        }

        return null;
    }

    private static StripeApiException? ScalarRefusal(JsonObject schema, string? type, string text, string name)
    {
        if (schema["enum"] is JsonArray allowed)
        {
            var values = allowed.Select(v => v!.GetValue<string>()).ToList();
            return values.Contains(text, StringComparer.Ordinal) ? null
                : text.Length == 0 ? Empty(name)
                : Invalid(name, $"Invalid {Leaf(name)}: must be one of {OneOf(values)}", code: null);
        }

        if (text.Length == 0)
        {
            return Empty(name);
        }

        return type switch
        {
            "integer" when !long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) =>
                Invalid(name, $"Invalid integer: {text}", "parameter_invalid_integer"),
            "number" when !decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out _) =>
                Invalid(name, $"Invalid decimal: {text}", "parameter_invalid_decimal"),
            "boolean" when text is not ("true" or "false") => Invalid(name, $"Invalid boolean: {text}", "parameter_invalid_boolean"),
            "string" when Leaf(name) == "currency" && !StripeCurrencies.IsSupported(text) => Invalid(name, StripeCurrencies.Refusal(text), code: null),
            _ => null,
        };
    }

    private static string KindOf(JsonObject schema) =>
        schema["type"]?.GetValue<string>() is "object" or "array" || schema["properties"] is not null ? "hash"
        : schema["enum"] is JsonArray { Count: 1 } only && only[0]?.GetValue<string>() == "" ? "unset"
        : "scalar";

    private static string Leaf(string name) => name.LastIndexOf('[') is var open and >= 0 ? name[(open + 1)..^1] : name;

    private static string OneOf(List<string> values) =>
        values.Count == 1 ? values[0] : values.Count == 2 ? $"{values[0]} or {values[1]}" : $"{string.Join(", ", values[..^1])}, or {values[^1]}";

    private static StripeApiException Empty(string name) => Invalid(name,
        $"You passed an empty string for '{name}'. We assume empty values are an attempt to unset a parameter; however '{name}' cannot be unset. You should remove '{name}' from your request or supply a non-empty value.",
        "parameter_invalid_empty");

    private static StripeApiException Invalid(string name, string message, string? code = "parameter_invalid") =>
        new(StatusCodes.Status400BadRequest, message, code, name.Length == 0 ? null : name);
}
