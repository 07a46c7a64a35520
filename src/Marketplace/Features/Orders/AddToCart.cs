using FluentValidation;
using Marketplace.Features.Accounts;
using Marketplace.Features.Catalog;
using Marketplace.Infrastructure.Persistence;
using Marketplace.Infrastructure.Web;
using Marten;
using Microsoft.Extensions.Options;
using Wolverine;
using Wolverine.Attributes;

namespace Marketplace.Features.Orders;

/// <summary>
/// Puts a product in the signed-in buyer's cart, or sets its quantity when it is there already (adding twice leaves one
/// line). A download is bought once; a limited edition up to the copies left. A seller cannot buy from their own shop.
/// </summary>
[WolverineHandler]
public static class AddToCart
{
    public sealed record Request(Guid ProductId, int Quantity = 1);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator(IOptions<OrderOptions> options)
        {
            RuleFor(r => r.ProductId).NotEmpty();
            RuleFor(r => r.Quantity).InclusiveBetween(1, options.Value.MaxQuantity);
        }
    }

    public sealed record Command(Guid BuyerId, Guid ProductId, int Quantity, string Currency);

    /// <summary>The cart after the change, or the refusal (nothing changed).</summary>
    public sealed record Outcome(CartView? Cart, IResult? Problem);

    public static void Map(RouteGroupBuilder cart) =>
        cart.MapPost("/items", PostAsync).Validate<Request>().RequireAuthorization(Policies.Member)
            .WithName("AddToCart").WithSummary("Adds a product to the caller's cart, or sets its quantity (one for a download; up to what is left of a limited edition).")
            .Produces<CartView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

    public static async Task<IResult> PostAsync(Request request, IMessageBus bus, IOptions<CatalogOptions> catalog, HttpContext http)
    {
        var outcome = await ExecuteAsync(Members.IdOf(http.User)!.Value, request, bus, catalog.Value, http.RequestAborted);
        return outcome.Problem ?? TypedResults.Ok(outcome.Cart);
    }

    public static Task<Outcome> ExecuteAsync(Guid buyerId, Request request, IMessageBus bus, CatalogOptions catalog, CancellationToken ct) =>
        bus.InvokeAsync<Outcome>(new Command(buyerId, request.ProductId, request.Quantity, catalog.Currency), ct, UseCases.InvokeTimeout);

    public static async Task<Outcome> HandleAsync(Command command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        // Two adds of one buyer (a double click, two tabs) take turns: the second finds the line the first wrote.
        await OrderLocks.HoldAsync(session, [OrderLocks.CartKey(command.BuyerId)], ct);
        var priced = (await CartView.PriceAsync(session, [command.ProductId], ct)).GetValueOrDefault(command.ProductId);
        if (priced is null || priced.Product.Status == ProductStatus.Draft)
        {
            return new Outcome(null, OrderProblems.ProductNotFound());
        }

        if (priced.Shop.OwnerId == command.BuyerId)
        {
            return new Outcome(null, OrderProblems.NotBuyable("This product is from your own shop."));
        }

        if (priced.Product.EditionSize is null && command.Quantity != 1)
        {
            return new Outcome(null, OrderProblems.NotBuyable("A download is bought once: the quantity must be 1."));
        }

        var owned = await session.Query<Entitlement>().AnyAsync(
            e => e.BuyerId == command.BuyerId && e.ProductId == command.ProductId && e.State == EntitlementState.Active, ct);
        if (CartView.WhyNot(priced, command.Quantity, owned) is { } why)
        {
            return new Outcome(null, priced.Remaining is not null && priced.Remaining < command.Quantity ? OrderProblems.SoldOut(why) : OrderProblems.NotBuyable(why));
        }

        var now = clock.GetUtcNow();
        var cart = await session.LoadAsync<Cart>(command.BuyerId, ct) ?? new Cart { Id = command.BuyerId };
        var item = cart.Items.FirstOrDefault(i => i.ProductId == command.ProductId);
        if (item is null)
        {
            item = new CartItem { ProductId = command.ProductId, AddedAt = now };
            cart.Items.Add(item);
        }

        item.Quantity = command.Quantity;
        item.PriceWhenAdded = priced.Product.PriceAmount;
        cart.UpdatedAt = now;
        session.Store(cart);
        return new Outcome(await CartView.OfAsync(session, cart, command.Currency, ct), null);
    }
}
