using Marketplace.Infrastructure.Persistence;
using Marten;

namespace Marketplace.Features.Forum;

/// <summary>How busy a category is, for the forum's front page: its threads, their posts, and when the last one came.</summary>
public sealed record CategoryActivity(Guid CategoryId, int Threads, int Posts, DateTimeOffset? LastPostAt)
{
    private static readonly string Sql =
        "select jsonb_build_object('CategoryId', data ->> 'CategoryId', 'Threads', count(*), " +
        "'Posts', coalesce(sum((data ->> 'PostCount')::int), 0), 'LastPostAt', max((data ->> 'LastPostAt')::timestamptz)) " +
        $"from {CritterStackSetup.DocumentSchema}.mt_doc_{nameof(ForumThread).ToLowerInvariant()} group by data ->> 'CategoryId'";

    /// <summary>Every category with at least one thread, counted in the database in one query.</summary>
    public static async Task<IReadOnlyDictionary<Guid, CategoryActivity>> ForAllAsync(IQuerySession session, CancellationToken ct) =>
        (await session.QueryAsync<CategoryActivity>(Sql, ct)).ToDictionary(a => a.CategoryId);
}
