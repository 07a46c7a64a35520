using System.Text.Json.Nodes;

namespace Marketplace.StripeSandbox.Wire;

/// <summary>Building blocks of Stripe's JSON: lists, metadata, string arrays, and the previous attributes of a change.</summary>
public static class StripeJson
{
    public static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();

    public static JsonObject List(string url, IEnumerable<JsonNode> data, bool hasMore = false) => new()
    {
        ["object"] = "list",
        ["data"] = new JsonArray([.. data]),
        ["has_more"] = hasMore,
        ["url"] = url,
    };

    public static JsonObject Map(IReadOnlyDictionary<string, string> values)
    {
        var map = new JsonObject();
        foreach (var (key, value) in values.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            map[key] = value;
        }

        return map;
    }

    public static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(value => (JsonNode?)JsonValue.Create(value))]);

    /// <summary>Stripe's <c>previous_attributes</c>: the earlier value of every top-level field that changed.</summary>
    public static JsonObject? Changes(JsonObject before, JsonObject after)
    {
        var previous = new JsonObject();
        foreach (var (key, value) in before)
        {
            if (!JsonNode.DeepEquals(value, after[key]))
            {
                previous[key] = value?.DeepClone();
            }
        }

        return previous.Count == 0 ? null : previous;
    }
}
