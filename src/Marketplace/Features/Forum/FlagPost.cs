using FluentValidation;
using Marketplace.Infrastructure.Web;
using Marten;

namespace Marketplace.Features.Forum;

/// <summary>A member's report of a post for the moderation queue; one per member per post.</summary>
public sealed class PostFlag
{
    public string Id { get; set; } = "";
    public Guid PostId { get; set; }
    public Guid ThreadId { get; set; }
    public Guid MemberId { get; set; }
    public string Reason { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
}

public static class FlagPost
{
    public sealed record Request(string Reason);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator() => RuleFor(x => x.Reason).NotEmpty().MinimumLength(3).MaximumLength(500);
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("/posts/{postId:guid}/flags", HandleAsync).Validate<Request>()
            .RequireAuthorization(Accounts.Policies.Member).WithName("FlagPost")
            .WithSummary("Reports a post to the moderators. 202; flagging the same post again changes nothing.");

    public static async Task<IResult> HandleAsync(Guid postId, Request request, IDocumentSession session, TimeProvider clock, HttpContext http)
    {
        var actor = ForumActor.Of(http.User)!;
        var post = await session.LoadAsync<ForumPost>(postId, http.RequestAborted);
        if (post is null || post.Hidden)
        {
            return ForumProblems.PostNotFound();
        }

        if (post.AuthorId == actor.Id)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, type: ProblemTypes.Conflict, title: "You cannot flag your own post.");
        }

        var id = $"{postId:N}:{actor.Id:N}";
        if (await session.LoadAsync<PostFlag>(id, http.RequestAborted) is null)
        {
            session.Insert(new PostFlag
            {
                Id = id, PostId = postId, ThreadId = post.ThreadId, MemberId = actor.Id, Reason = request.Reason.Trim(), CreatedAt = clock.GetUtcNow(),
            });
            try
            {
                await session.SaveChangesAsync(http.RequestAborted);
            }
            catch (JasperFx.DocumentAlreadyExistsException)
            {
                // the same member flagged it concurrently: one flag stands
            }
        }

        return TypedResults.Accepted((string?)null);
    }
}
