using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;

namespace Marketplace.Infrastructure.Validation;

/// <summary>
/// Finds every string in a request (properties of records and classes, nested ones and lists, recursively) that holds
/// a character <see cref="TextCharacters"/> refuses, and names its field the way FluentValidation does
/// (<c>Body</c>, <c>Lines[0].Reason</c>).
/// </summary>
public static class RequestText
{
    /// <summary>Fields of free, multi-line text (tab and line breaks allowed); every other string is one line.</summary>
    public static readonly IReadOnlySet<string> MultiLineFields = new HashSet<string>(StringComparer.Ordinal)
    {
        "Body", "Description", "Message", "Reason", "Text", "Bio",
    };

    private const int MaxDepth = 8;

    public static IReadOnlyList<(string Field, string Message)> Problems(object? request)
    {
        var problems = new List<(string, string)>();
        Walk(request, "", multiLine: false, depth: 0, problems);
        return problems;
    }

    /// <summary>Each request type's readable properties, looked up once: every validated request walks them.</summary>
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> ReadableProperties = new();

    private static void Walk(object? value, string path, bool multiLine, int depth, List<(string, string)> problems)
    {
        switch (value)
        {
            case null or byte[]:
                return;
            case string text:
                if (TextCharacters.Problem(text, multiLine) is { } problem)
                {
                    problems.Add((path, problem));
                }

                return;
            case IDictionary dictionary when depth < MaxDepth:
                foreach (DictionaryEntry entry in dictionary)
                {
                    var key = entry.Key.ToString() ?? "";
                    Walk(key, path, false, depth + 1, problems);
                    Walk(entry.Value, $"{path}[{key}]", multiLine, depth + 1, problems);
                }

                return;
            case IEnumerable items when depth < MaxDepth:
                var index = 0;
                foreach (var item in items)
                {
                    Walk(item, $"{path}[{index++}]", multiLine, depth + 1, problems);
                }

                return;
        }

        var type = value.GetType();
        if (depth >= MaxDepth || type.IsPrimitive || type.IsEnum || IsFrameworkType(type))
        {
            return; // numbers, dates, ids, files and streams hold no text of the client's
        }

        foreach (var property in ReadableProperties.GetOrAdd(type, static type => [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                     .Where(property => property.GetIndexParameters().Length == 0 && property.CanRead)]))
        {
            var field = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
            Walk(property.GetValue(value), field, IsMultiLine(property.Name), depth + 1, problems);
        }
    }

    private static bool IsFrameworkType(Type type) =>
        type.Namespace is { } ns && (ns.StartsWith("System", StringComparison.Ordinal) || ns.StartsWith("Microsoft", StringComparison.Ordinal));

    private static bool IsMultiLine(string name) =>
        MultiLineFields.Contains(name) || name.Contains("Password", StringComparison.Ordinal);
}
