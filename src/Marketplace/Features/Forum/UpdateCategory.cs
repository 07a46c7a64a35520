using FluentValidation;
using Marketplace.Features.Accounts;
using Marketplace.Infrastructure.Web;
using Marten;

namespace Marketplace.Features.Forum;

/// <summary>
/// <c>PUT /api/forum/categories/{categoryId}</c> (admins): name, description, position and read-only. The address
/// (slug) stays, so links to the category keep working.
/// </summary>
public static class UpdateCategory
{
    public sealed record Request(string Name, string Description, int Position, bool ReadOnly) : Categories.IFields;

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator() => Include(new Categories.FieldsValidator());
    }

    public static void Map(RouteGroupBuilder forum) =>
        forum.MapPut("/categories/{categoryId:guid}", HandleAsync).Validate<Request>()
            .RequireAuthorization(Policies.Admin).WithName("UpdateForumCategory")
            .WithSummary("Renames, describes, moves or makes read-only a category; its address stays.");

    public static async Task<IResult> HandleAsync(Guid categoryId, Request request, IDocumentSession session, CancellationToken ct) =>
        await ExecuteAsync(categoryId, request, session, ct) is { } updated ? TypedResults.Ok(updated) : ForumProblems.CategoryNotFound();

    /// <summary>The category as saved; null when there is no such category.</summary>
    public static async Task<Categories.View?> ExecuteAsync(Guid categoryId, Request request, IDocumentSession session, CancellationToken ct)
    {
        var category = await session.LoadAsync<ForumCategory>(categoryId, ct);
        if (category is null)
        {
            return null;
        }

        category.Name = request.Name.Trim();
        category.Description = request.Description.Trim();
        category.Position = request.Position;
        category.ReadOnly = request.ReadOnly;
        session.Update(category);
        await session.SaveChangesAsync(ct);
        return Categories.ToView(category);
    }
}
