using System.Text.RegularExpressions;

namespace Marketplace.Tests.Security;

/// <summary>Who calls a route in the matrix: one column of every row.</summary>
public enum Caller { Anonymous, Buyer, OtherBuyer, Owner, OtherSeller, Moderator, Admin, Suspended }

/// <summary>
/// One route of the app (its HTTP method and its template without constraints) and the status each caller gets.
/// "Owner" is the seller whose shop owns the route's shop, product, order or file; "Buyer" bought from it, owns the
/// order and entitlement and wrote the thread; "Suspended" is a member a moderator suspended.
/// </summary>
public sealed record Row(string Method, string Route, int Anonymous, int Buyer, int OtherBuyer, int Owner, int OtherSeller, int Moderator, int Admin, int Suspended)
{
    public string Key => KeyOf(Method, Route);

    public int Expected(Caller caller) => caller switch
    {
        Caller.Anonymous => Anonymous,
        Caller.Buyer => Buyer,
        Caller.OtherBuyer => OtherBuyer,
        Caller.Owner => Owner,
        Caller.OtherSeller => OtherSeller,
        Caller.Moderator => Moderator,
        Caller.Admin => Admin,
        _ => Suspended,
    };

    public static string KeyOf(string method, string route) => $"{method} {route}";

    /// <summary>A row in the syntax of the table, ready to paste (a status the run did not get is written 0).</summary>
    public static string Format(string method, string route, Func<Caller, int> status) =>
        $"new(\"{method}\", \"{route}\", " + string.Join(", ", Enum.GetValues<Caller>().Select(c => $"{c}: {status(c)}")) + "),";
}

/// <summary>
/// The authorization matrix: every route of the app and every page, with the status each caller gets. A route of the
/// app without a row, or a row without a route, fails <see cref="RouteAuthorizationMatrixTests"/>. The rows are split
/// by area (<c>RouteAuthorizationMatrix.*.cs</c>); pages are requested with GET and a sign-in cookie, API routes with a
/// bearer token.
/// </summary>
public static partial class RouteAuthorizationMatrix
{
    public static IReadOnlyList<Row> Rows => [.. Accounts, .. Shops, .. Catalog, .. Orders, .. Downloads, .. Forum, .. Moderation, .. Admin, .. Fees, .. Platform, .. Pages];

    /// <summary>
    /// Routes the matrix leaves out, each with why. Nothing else is left out: a prefix here must name a whole family of
    /// routes that is tested elsewhere or does not exist outside Development.
    /// </summary>
    public static readonly IReadOnlyList<(string Prefix, string Why)> Excluded =
    [
        ("/api/dev/", "Development-only helpers (outbox, page list); absent in every other environment (StagingFixture tests)"),
        ("/dev/", "the Development-only outbox page; absent in every other environment"),
        ("/stripe-sandbox/", "the embedded Stripe sandbox's own API, with its own access matrix (SandboxAccessMatrixTests)"),
    ];

    public static bool IsExcluded(string route) => Excluded.Any(e => route.StartsWith(e.Prefix, StringComparison.OrdinalIgnoreCase));

    /// <summary>A route template as the table writes it: a leading slash, no trailing one, parameters without their constraints.</summary>
    public static string Normalize(string rawText) =>
        "/" + Constraint().Replace(rawText.Trim('/'), m => "{" + m.Groups["name"].Value + m.Groups["optional"].Value + "}");

    [GeneratedRegex(@"\{(?<name>\*{0,2}[A-Za-z0-9_]+)(?<optional>\?)?(?::(?:[^{}]|\{[^}]*\})*)?\}")]
    private static partial Regex Constraint();
}
