using System.Globalization;
using Microsoft.Extensions.Primitives;

namespace Marketplace.StripeSandbox.Wire;

/// <summary>
/// Stripe's request parameters: form fields (or the query string) in bracket notation, such as
/// <c>capabilities[card_payments][requested]=true</c> or <c>line_items[0][quantity]=1</c>, read back as a tree.
/// Accessors take a path of names; a value of the wrong type is refused the way Stripe refuses it.
/// </summary>
public sealed class StripeForm
{
    private readonly Dictionary<string, object> _node;
    private readonly string _prefix;

    private StripeForm(Dictionary<string, object> node, string prefix)
    {
        _node = node;
        _prefix = prefix;
    }

    public static StripeForm Empty { get; } = new([], "");

    public static async Task<StripeForm> ReadAsync(HttpRequest request)
    {
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsDelete(request.Method))
        {
            return Parse(request.Query);
        }

        return request.HasFormContentType ? Parse(await request.ReadFormAsync(request.HttpContext.RequestAborted)) : Empty;
    }

    public static StripeForm Parse(IEnumerable<KeyValuePair<string, StringValues>> pairs)
    {
        var root = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (key, values) in pairs)
        {
            foreach (var value in values)
            {
                Insert(root, Segments(key), value ?? "");
            }
        }

        return new StripeForm(root, "");
    }

    /// <summary>The parameters as read: each value a string, or a dictionary of the names nested under it.</summary>
    public IReadOnlyDictionary<string, object> Tree => _node;

    public bool Has(params string[] path) => Find(path) is not null;

    public string? String(params string[] path) => Find(path) switch
    {
        null => null,
        string value => value,
        _ => throw StripeApiException.Invalid(Name(path), $"Invalid string: {Name(path)} must be a string."),
    };

    public string Required(params string[] path) =>
        String(path) is { Length: > 0 } value ? value : throw StripeApiException.Missing(Name(path));

    public long? Long(params string[] path) => String(path) switch
    {
        null or "" => null,
        var text when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) => number,
        _ => throw new StripeApiException(StatusCodes.Status400BadRequest, $"Invalid integer: {String(path)}", "parameter_invalid_integer", Name(path)),
    };

    public long RequiredLong(params string[] path) => Long(path) ?? throw StripeApiException.Missing(Name(path));

    public bool? Bool(params string[] path) => String(path)?.ToUpperInvariant() switch
    {
        null or "" => null,
        "TRUE" => true,
        "FALSE" => false,
        _ => throw new StripeApiException(StatusCodes.Status400BadRequest, $"Invalid boolean: {String(path)}", "parameter_invalid_boolean", Name(path)),
    };

    /// <summary>The nested object at the path, or null when absent.</summary>
    public StripeForm? Object(params string[] path) => Find(path) switch
    {
        null => null,
        Dictionary<string, object> node => new StripeForm(node, Name(path)),
        _ => throw StripeApiException.Invalid(Name(path), $"Invalid object: {Name(path)} must be a hash."),
    };

    /// <summary>The names of a nested object's keys (for example the capabilities requested).</summary>
    public IReadOnlyList<string> Keys(params string[] path) => Object(path) is { } child ? [.. child._node.Keys] : [];

    /// <summary>The items of an array parameter (<c>name[0]</c>, <c>name[1]</c>, ...), in index order.</summary>
    public IReadOnlyList<StripeForm> Items(params string[] path) => Object(path) is not { } list ? [] :
        [.. list._node.OrderBy(pair => int.TryParse(pair.Key, CultureInfo.InvariantCulture, out var index) ? index : int.MaxValue)
            .Select(pair => pair.Value as Dictionary<string, object> is { } item
                ? new StripeForm(item, $"{list._prefix}[{pair.Key}]")
                : throw StripeApiException.Invalid($"{list._prefix}[{pair.Key}]", "Invalid array: each item must be a hash."))];

    /// <summary>The strings of an array parameter such as <c>expand[]</c>.</summary>
    public IReadOnlyList<string> Strings(params string[] path) => Find(path) switch
    {
        null => [],
        string value => [value],
        Dictionary<string, object> list => [.. list.Values.OfType<string>()],
        _ => [],
    };

    /// <summary>Metadata changes: a key with an empty value removes that key, as on Stripe.</summary>
    public IReadOnlyDictionary<string, string> Metadata() =>
        Object("metadata") is { } metadata ? metadata._node.ToDictionary(pair => pair.Key, pair => pair.Value as string ?? "") : new Dictionary<string, string>();

    public static void ApplyMetadata(Dictionary<string, string> target, IReadOnlyDictionary<string, string> changes)
    {
        foreach (var (key, value) in changes)
        {
            if (value.Length == 0)
            {
                target.Remove(key);
            }
            else
            {
                target[key] = value;
            }
        }
    }

    /// <summary>Every parameter as <c>name=value</c> lines in name order, the same for the same parameters.</summary>
    public string Canonical() => string.Join('\n', Flatten(_node, "").Order(StringComparer.Ordinal));

    private static IEnumerable<string> Flatten(Dictionary<string, object> node, string prefix) => node.SelectMany(pair =>
        pair.Value is Dictionary<string, object> nested ? Flatten(nested, $"{prefix}[{pair.Key}]") : [$"{prefix}[{pair.Key}]={pair.Value}"]);

    private object? Find(string[] path)
    {
        object? current = _node;
        foreach (var name in path)
        {
            if (current is not Dictionary<string, object> node || !node.TryGetValue(name, out current))
            {
                return null;
            }
        }

        return current;
    }

    private string Name(string[] path)
    {
        var names = path.Select((name, i) => i == 0 && _prefix.Length == 0 ? name : $"[{name}]");
        return _prefix + string.Concat(names);
    }

    private static List<string> Segments(string key)
    {
        var open = key.IndexOf('[', StringComparison.Ordinal);
        if (open < 0)
        {
            return [key];
        }

        var segments = new List<string> { key[..open] };
        var rest = key[open..];
        while (rest.StartsWith('[') && rest.IndexOf(']', StringComparison.Ordinal) is var close and > 0)
        {
            segments.Add(rest[1..close]);
            rest = rest[(close + 1)..];
        }

        return segments;
    }

    private static void Insert(Dictionary<string, object> node, List<string> path, string value)
    {
        for (var i = 0; i < path.Count - 1; i++)
        {
            var name = path[i].Length == 0 ? node.Count.ToString(CultureInfo.InvariantCulture) : path[i];
            if (!node.TryGetValue(name, out var child) || child is not Dictionary<string, object> nested)
            {
                nested = new Dictionary<string, object>(StringComparer.Ordinal);
                node[name] = nested;
            }

            node = nested;
        }

        node[path[^1].Length == 0 ? node.Count.ToString(CultureInfo.InvariantCulture) : path[^1]] = value;
    }
}
