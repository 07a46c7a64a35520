using System.Text.Json.Nodes;

namespace Marketplace.StripeSandbox.Wire;

/// <summary>
/// Stripe's rules for <c>expand[]</c>: each dotted segment must be an expandable field (<c>x-expandableFields</c> in
/// the description) of the object the segment before it expanded to, at most four levels deep. A list's items are
/// reached through <c>data</c>.
/// </summary>
public static class StripeExpandPaths
{
    private const int MaxLevels = 4;

    public static void Check(JsonObject response, IReadOnlyList<string> paths, StripeSpec spec)
    {
        foreach (var path in paths)
        {
            var segments = path.Split('.');
            if (segments.Length > MaxLevels)
            {
                throw Refused("You cannot expand more than 4 levels of a property.");
            }

            IReadOnlyList<string> schemas = Roots(response);
            foreach (var segment in segments)
            {
                var fields = schemas.Select(spec.ExpandableFieldsOf).OfType<JsonObject>().Where(f => f.ContainsKey(segment)).ToList();
                if (fields.Count == 0)
                {
                    var hint = schemas.Any(s => s.EndsWith(ListSuffix, StringComparison.Ordinal)) && segment != "data" ? $" You may want to try expanding 'data.{segment}' instead." : "";
                    throw Refused($"This property cannot be expanded ({segment}).{hint}");
                }

                schemas = [.. fields.SelectMany(f => f[segment]!.AsArray().Select(target => target!.GetValue<string>())).Distinct()];
            }
        }
    }

    /// <summary>The table names a list answer (<c>{object: "list", data: [...]}</c>) after its items: <c>payout list</c>.</summary>
    private const string ListSuffix = " list";

    private static List<string> Roots(JsonObject response)
    {
        if (response["$ref"]?.GetValue<string>() is { } reference)
        {
            return [reference[(reference.LastIndexOf('/') + 1)..]];
        }

        if (response["anyOf"] is JsonArray branches)
        {
            return [.. branches.OfType<JsonObject>().SelectMany(Roots)];
        }

        return [];
    }

    private static StripeApiException Refused(string message) => new(StatusCodes.Status400BadRequest, message);
}
