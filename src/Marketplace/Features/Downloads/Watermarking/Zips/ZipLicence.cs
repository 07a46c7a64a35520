using System.Text.RegularExpressions;

namespace Marketplace.Features.Downloads.Watermarking.Zips;

/// <summary>What a marked archive says about its buyer: the licence file at its root and the archive comment.</summary>
public static partial class ZipLicence
{
    /// <summary>A root entry name not yet in the archive: <c>LICENSE-&lt;order&gt;.txt</c>, numbered when taken.</summary>
    public static string NameFor(LicenseMark mark, IEnumerable<string> names)
    {
        var taken = names.Select(name => name.Replace('\\', '/').TrimStart('/')).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var name = $"LICENSE-{mark.OrderId}.txt";
        for (var copy = 2; taken.Contains(name); copy++)
        {
            name = $"LICENSE-{mark.OrderId}-{copy}.txt";
        }

        return name;
    }

    public static string Text(LicenseMark mark) =>
        $"""
        "{mark.ProductTitle}" is licensed to {mark.BuyerName} <{mark.BuyerEmail}>.

        Order: {mark.OrderId}
        Entitlement: {mark.EntitlementId}

        This copy was made for this buyer alone. Do not share or redistribute it: every copy can be traced
        back to the order it was bought in.

        """.Replace("\n", "\r\n", StringComparison.Ordinal);

    /// <summary>The archive comment: ASCII only (comments have no encoding flag), ids only (no personal data).</summary>
    public static string Comment(LicenseMark mark, string licenceName) =>
        $"Licensed copy. Entitlement {mark.EntitlementId}, order {mark.OrderId}. See {licenceName}.";

    /// <summary>The entitlement id a licence text or comment names, if any.</summary>
    public static Guid? EntitlementIn(string text) =>
        Entitlement().Match(text) is { Success: true } match && Guid.TryParse(match.Groups[1].Value, out var id) ? id : null;

    /// <summary>Whether a root entry name is one of our licence files.</summary>
    public static bool IsLicenceName(string name) => LicenceName().IsMatch(name);

    [GeneratedRegex(@"Entitlement:? ([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})")]
    private static partial Regex Entitlement();

    [GeneratedRegex(@"^LICENSE-[0-9a-fA-F-]{36}(-[0-9]+)?\.txt$")]
    private static partial Regex LicenceName();
}
