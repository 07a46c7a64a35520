using Marketplace.Infrastructure.Web;
using Marten;

namespace Marketplace.Features.Accounts;

/// <summary>
/// <c>GET /api/members?q=</c>: members whose handle starts with what was typed, for the composer's mention
/// autocomplete. Signed-in members only, and limited per client (<see cref="RateLimiting.MemberSearch"/>), so the list
/// of members cannot be walked quickly.
/// </summary>
public static class SearchMembers
{
    public const int MaximumResults = 8;

    public sealed record Member(string Handle, string DisplayName);

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("", GetAsync).RequireRateLimiting(RateLimiting.MemberSearch)
            .WithName("SearchMembers").WithSummary("Up to 8 members whose @handle starts with q (1 to 30 letters, digits or underscores), by handle.")
            .Produces<IReadOnlyList<Member>>().ProducesValidationProblem();

    /// <summary>Why <paramref name="q"/> cannot be looked up, or null when it can.</summary>
    public static string? Invalid(string? q) =>
        q is { Length: >= 1 and <= MemberHandles.MaximumLength } && q.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')
            ? null
            : $"Type 1 to {MemberHandles.MaximumLength} letters, digits or underscores of a handle.";

    public static async Task<IResult> GetAsync(string? q, IQuerySession session, CancellationToken ct) =>
        Invalid(q) is { } invalid ? ValidationProblems.Field("q", invalid) : TypedResults.Ok(await ExecuteAsync(session, q!, ct));

    public static async Task<IReadOnlyList<Member>> ExecuteAsync(IQuerySession session, string q, CancellationToken ct)
    {
        var prefix = MemberHandles.Normalize(q);
        var found = await session.Query<UserAccount>()
            .Where(u => u.NormalizedHandle != null && u.NormalizedHandle.StartsWith(prefix) && u.DeletedAt == null)
            .OrderBy(u => u.NormalizedHandle).Take(MaximumResults).ToListAsync(ct);
        return [.. found.Select(u => new Member(u.Handle!, u.DisplayName))];
    }
}
