using Marketplace.Features.Accounts;
using Marketplace.Infrastructure.Web;
using Marten;

namespace Marketplace.Features.Forum.Watching;

/// <summary><c>PUT /api/forum/categories/{categoryId}/watch {level}</c>: the caller's level on a category, inherited by its threads.</summary>
public static class WatchCategory
{
    public sealed record Response(Guid CategoryId, string Level);

    public static void Map(RouteGroupBuilder group) =>
        group.MapPut("/categories/{categoryId:guid}/watch", HandleAsync).Validate<WatchRequest>()
            .RequireAuthorization(Policies.Member).WithName("WatchCategory")
            .WithSummary("Sets how closely the caller follows a category's threads; a level set on a thread wins.")
            .ProducesProblem(StatusCodes.Status404NotFound);

    public static async Task<IResult> HandleAsync(Guid categoryId, WatchRequest request, IDocumentSession session, TimeProvider clock, HttpContext http)
    {
        WatchLevels.TryParse(request.Level, out var level);
        return await ExecuteAsync(categoryId, ForumActor.Of(http.User)!.Id, level, session, clock, http.RequestAborted)
            ? TypedResults.Ok(new Response(categoryId, level.Name()))
            : ForumProblems.CategoryNotFound();
    }

    /// <summary>False when there is no such category.</summary>
    public static async Task<bool> ExecuteAsync(Guid categoryId, Guid memberId, WatchLevel level, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        if (await session.LoadAsync<ForumCategory>(categoryId, ct) is null)
        {
            return false;
        }

        session.Store(new CategoryWatch
        {
            Id = CategoryWatch.IdOf(memberId, categoryId), MemberId = memberId, CategoryId = categoryId, Level = level, UpdatedAt = clock.GetUtcNow(),
        });
        await session.SaveChangesAsync(ct);
        return true;
    }
}
