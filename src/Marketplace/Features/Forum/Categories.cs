using System.Text.RegularExpressions;
using FluentValidation;
using Marketplace.Features.Forum.Watching;
using Marketplace.Infrastructure.Persistence;
using Marketplace.Infrastructure.Web;
using Marten;

namespace Marketplace.Features.Forum;

/// <summary>Listing categories (everyone) and creating them (admins).</summary>
public static partial class Categories
{
    /// <summary>A category (<paramref name="ShopId"/>: a shop's support category); signed in, with the caller's watching level on it.</summary>
    public sealed record View(
        Guid Id, string Slug, string Name, string Description, int Position, bool ReadOnly, Guid? ShopId = null, string? WatchLevel = null);

    /// <summary>What an admin sets on a category, when creating it and when editing it.</summary>
    public interface IFields
    {
        string Name { get; }
        string Description { get; }
        int Position { get; }
    }

    public sealed record CreateRequest(string Name, string Slug, string Description, int Position, bool ReadOnly) : IFields;

    public sealed class FieldsValidator : AbstractValidator<IFields>
    {
        public FieldsValidator()
        {
            RuleFor(x => x.Name).NotEmpty().MaximumLength(60);
            RuleFor(x => x.Description).NotNull().MaximumLength(300); // may be empty, not missing
            RuleFor(x => x.Position).InclusiveBetween(0, 10_000);
        }
    }

    public sealed class CreateValidator : AbstractValidator<CreateRequest>
    {
        public CreateValidator()
        {
            Include(new FieldsValidator());
            RuleFor(x => x.Slug).Cascade(CascadeMode.Stop).NotEmpty().MaximumLength(40).Matches(SlugPattern()).WithMessage("Use lower-case letters, digits and single dashes.")
                .Must(slug => !IsReserved(slug)).WithMessage("This address is reserved: forum pages use it, or shops' support categories (shop-…).");
        }
    }

    /// <summary>Addresses of forum pages (<c>/forum/notifications</c>) and the <c>shop-</c> prefix of shops' support categories.</summary>
    public static bool IsReserved(string slug) =>
        slug is "notifications" or "threads" or "search" or "new" || slug.StartsWith("shop-", StringComparison.Ordinal);

    public static async Task<IReadOnlyList<View>> ListAsync(IQuerySession session, HttpContext http, CancellationToken ct) =>
        await ListForAsync(session, ForumActor.Of(http.User)?.Id, ct);

    public static async Task<IReadOnlyList<View>> ListForAsync(IQuerySession session, Guid? memberId, CancellationToken ct)
    {
        var categories = await session.Query<ForumCategory>().OrderBy(c => c.Position).ThenBy(c => c.Name).ToListAsync(ct);
        if (memberId is not { } member)
        {
            return [.. categories.Select(ToView)];
        }

        var levels = await MemberWatches.ForCategoriesAsync(session, member, ct);
        return [.. categories.Select(c => ToView(c) with { WatchLevel = levels.GetValueOrDefault(c.Id, WatchLevel.Normal).Name() })];
    }

    public static async Task<IResult> CreateAsync(CreateRequest request, IDocumentSession session, TimeProvider clock, CancellationToken ct) =>
        await TryCreateAsync(request, session, clock, ct) is { } category
            ? TypedResults.Created($"/api/forum/categories/{category.Id}", category)
            : TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, type: ProblemTypes.Conflict, title: SlugTaken(request.Slug));

    public static string SlugTaken(string slug) => $"A category already uses the address '{slug.Trim()}'.";

    /// <summary>Creates the category; null when its slug is taken (the unique index settles a race).</summary>
    public static async Task<View?> TryCreateAsync(CreateRequest request, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var slug = request.Slug.Trim();
        if (await session.Query<ForumCategory>().AnyAsync(c => c.Slug == slug, ct))
        {
            return null;
        }

        var category = new ForumCategory
        {
            Id = Guid.CreateVersion7(), Slug = slug, Name = request.Name.Trim(), Description = request.Description.Trim(),
            Position = request.Position, ReadOnly = request.ReadOnly, CreatedAt = clock.GetUtcNow(),
        };
        session.Insert(category);
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (Exception exception) when (Conflicts.IsUniqueViolation(exception))
        {
            return null;
        }

        return ToView(category);
    }

    public static View ToView(ForumCategory c) => new(c.Id, c.Slug, c.Name, c.Description, c.Position, c.ReadOnly, c.ShopId);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();
}
