using FluentValidation;
using Marketplace.Features.Accounts;
using Marketplace.Infrastructure.Persistence;
using Marketplace.Infrastructure.Text;
using Marketplace.Infrastructure.Web;
using Marten;
using Wolverine;
using Wolverine.Attributes;

namespace Marketplace.Features.Shops;

/// <summary>Opens the caller's shop. The caller becomes its owner and a seller, in the same transaction.</summary>
[WolverineHandler]
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

    public sealed record Command(Guid OwnerId, string Name, string Slug, string Description);

    public static void Map(RouteGroupBuilder group) =>
        group.MapPost("", PostAsync).Validate<Request>().RequireAuthorization(Policies.Member).WithName("OpenShop")
            .WithSummary("Opens a shop owned by the caller, who becomes a seller. 409 when the caller already has one.")
            .Produces<ShopView>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status409Conflict);

    public static async Task<IResult> PostAsync(Request request, IMessageBus bus, IQuerySession session, HttpContext http)
    {
        var result = await ExecuteAsync(request, Members.IdOf(http.User)!.Value, bus, session, http.RequestAborted);
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

    /// <summary>Runs the use case for the endpoint, <c>Pages/Shops/Open</c> and the demo data.</summary>
    public static async Task<Result> ExecuteAsync(Request request, Guid ownerId, IMessageBus bus, IQuerySession session, CancellationToken ct)
    {
        var command = new Command(ownerId, PublicNames.Normalize(request.Name), request.Slug, request.Description?.Trim() ?? "");
        try
        {
            return await bus.InvokeAsync<Result>(command, ct, UseCases.InvokeTimeout);
        }
        catch (Exception e) when (e.IsUniqueViolation() || e.IsConcurrencyConflict())
        {
            // a concurrent request opened a shop for this owner or took the slug first, and the commit was refused
            return await ShopAccess.OwnedByAsync(session, ownerId, ct) is not null
                ? new(null, Failure.AlreadyOwnsShop)
                : new(null, Failure.SlugTaken);
        }
    }

    /// <summary>The shop, its owner's new seller role and <see cref="ShopOpened"/> commit together.</summary>
    public static async Task<(Result, OutgoingMessages)> HandleAsync(Command command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        if (await ShopAccess.OwnedByAsync(session, command.OwnerId, ct) is not null)
        {
            return (new(null, Failure.AlreadyOwnsShop), []);
        }

        if (await session.Query<Shop>().AnyAsync(s => s.Slug == command.Slug, ct))
        {
            return (new(null, Failure.SlugTaken), []);
        }

        var owner = await session.LoadAsync<UserAccount>(command.OwnerId, ct);
        if (owner is null || owner.DeletedAt is not null)
        {
            return (new(null, Failure.NoAccount), []);
        }

        var now = clock.GetUtcNow();
        var shop = new Shop
        {
            Id = Guid.CreateVersion7(), OwnerId = command.OwnerId, Name = command.Name, Slug = command.Slug,
            Description = command.Description, CreatedAt = now, UpdatedAt = now,
        };
        if (!owner.IsInRole(Roles.Seller))
        {
            owner.Roles.Add(Roles.Seller);
            session.Update(owner);
        }

        session.Insert(shop);
        return (new(shop, null), [new ShopOpened(shop.Id, command.OwnerId, shop.Name, shop.Slug)]);
    }
}
