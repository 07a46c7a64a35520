using FluentValidation;
using Marketplace.Features.Accounts;
using Marketplace.Infrastructure.Persistence;
using Marketplace.Infrastructure.Web;
using Marten;
using Wolverine.Marten;

namespace Marketplace.Features.Shops;

/// <summary>Opens the caller's shop. The caller becomes its owner and a seller, in the same transaction.</summary>
public static class OpenShop
{
    public sealed record Request(string Name, string Slug, string? Description);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(x => x.Name).ShopName();
            RuleFor(x => x.Slug).ShopSlug();
            RuleFor(x => x.Description).ShopDescription();
        }
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("", HandleAsync).Validate<Request>().RequireAuthorization(Policies.Member).WithName("OpenShop")
            .WithSummary("Opens a shop owned by the caller, who becomes a seller. 409 when the caller already has one.")
            .Produces<ShopView>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status409Conflict);

    public static async Task<IResult> HandleAsync(Request request, IDocumentSession session, IMartenOutbox outbox, TimeProvider clock, HttpContext http)
    {
        var result = await ExecuteAsync(request, Members.IdOf(http.User)!.Value, session, outbox, clock, http.RequestAborted);
        return result switch
        {
            { Shop: { } shop } => TypedResults.Created($"/api/shops/{shop.Slug}", ShopView.Of(shop, payouts: null)),
            { Failure: Failure.SlugTaken } => ShopProblems.SlugTaken(),
            { Failure: Failure.AlreadyOwnsShop } => ShopProblems.AlreadyOwnsShop(),
            _ => TypedResults.Unauthorized(),
        };
    }

    public enum Failure
    {
        AlreadyOwnsShop,
        SlugTaken,
        NoAccount,
    }

    public sealed record Result(Shop? Shop, Failure? Failure);

    public static async Task<Result> ExecuteAsync(Request request, Guid ownerId, IDocumentSession session, IMartenOutbox outbox, TimeProvider clock, CancellationToken ct)
    {
        if (await ShopAccess.OwnedByAsync(session, ownerId, ct) is not null)
        {
            return new(null, Failure.AlreadyOwnsShop);
        }

        if (await session.Query<Shop>().AnyAsync(s => s.Slug == request.Slug, ct))
        {
            return new(null, Failure.SlugTaken);
        }

        var owner = await session.LoadAsync<UserAccount>(ownerId, ct);
        if (owner is null || owner.DeletedAt is not null)
        {
            return new(null, Failure.NoAccount);
        }

        var now = clock.GetUtcNow();
        var shop = new Shop
        {
            Id = Guid.CreateVersion7(), OwnerId = ownerId, Name = request.Name.Trim(), Slug = request.Slug,
            Description = request.Description?.Trim() ?? "", CreatedAt = now, UpdatedAt = now,
        };
        if (!owner.IsInRole(Roles.Seller))
        {
            owner.Roles.Add(Roles.Seller);
            session.Update(owner);
        }

        outbox.Enroll(session);
        session.Insert(shop);
        await outbox.PublishAsync(new ShopOpened(shop.Id, ownerId, shop.Name, shop.Slug));
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (Exception e) when (e.IsUniqueViolation() || e.IsConcurrencyConflict())
        {
            // a concurrent request opened a shop for this owner or took the slug first
            session.EjectAllPendingChanges();
            return await ShopAccess.OwnedByAsync(session, ownerId, ct) is not null
                ? new(null, Failure.AlreadyOwnsShop)
                : new(null, Failure.SlugTaken);
        }

        return new(shop, null);
    }
}
