using FluentValidation;
using Marketplace.Features.Moderation;
using Marketplace.Infrastructure.Web;
using Marten;

namespace Marketplace.Features.Forum;

/// <summary><c>POST /api/moderation/threads/{threadId}/move {categoryId}</c> (moderators): moves a thread to another category.</summary>
public static class MoveThread
{
    public sealed record Request(Guid CategoryId);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator() => RuleFor(x => x.CategoryId).NotEmpty().WithMessage("Choose the category to move the thread to.");
    }

    public static void Map(RouteGroupBuilder moderation) =>
        moderation.MapPost("/{threadId:guid}/move", HandleAsync).Validate<Request>().WithName("MoveThread")
            .WithSummary("Moves a thread, with its posts, to another category. 204; 404 for an unknown thread or category.")
            .ProducesProblem(StatusCodes.Status404NotFound);

    public static async Task<IResult> HandleAsync(Guid threadId, Request request, IDocumentSession session, TimeProvider clock, HttpContext http) =>
        await ExecuteAsync(threadId, request.CategoryId, AuditActor.Of(http.User), session, clock, http.RequestAborted);

    /// <summary>No content when moved (or already there), else the problem: no such thread, no such category.</summary>
    public static async Task<IResult> ExecuteAsync(Guid threadId, Guid categoryId, AuditActor actor, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        await ThreadWriter.LockThreadAsync(session, threadId, ct);
        var thread = await session.LoadAsync<ForumThread>(threadId, ct);
        if (thread is null)
        {
            return ForumProblems.ThreadNotFound();
        }

        if (await session.LoadAsync<ForumCategory>(categoryId, ct) is null)
        {
            return ForumProblems.CategoryNotFound();
        }

        if (thread.CategoryId != categoryId)
        {
            AuditTrail.Record(session, actor, "thread.move", "thread", $"{thread.Id}", null,
                new() { ["categoryId"] = $"{thread.CategoryId}" }, new() { ["categoryId"] = $"{categoryId}" }, clock.GetUtcNow());
            thread.CategoryId = categoryId;
            session.Update(thread);
            await session.SaveChangesAsync(ct);
        }

        return TypedResults.NoContent();
    }
}
