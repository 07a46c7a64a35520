using Marketplace.Features.Accounts;
using Marketplace.Features.Catalog;
using Marketplace.Infrastructure.Persistence;
using Marten;
using Microsoft.Extensions.Options;
using Wolverine;
using Wolverine.Attributes;

namespace Marketplace.Features.Orders;

/// <summary>Takes a product out of the caller's cart; removing one that is not there changes nothing and answers the cart.</summary>
[WolverineHandler]
public static class RemoveFromCart
{
    public sealed record Command(Guid BuyerId, Guid ProductId, string Currency);

    public static void Map(RouteGroupBuilder cart) =>
        cart.MapDelete("/items/{productId:guid}", DeleteAsync).RequireAuthorization(Policies.Member).WithName("RemoveFromCart")
            .WithSummary("Takes the product out of the caller's cart and answers the cart.").Produces<CartView>();

    public static async Task<IResult> DeleteAsync(Guid productId, IMessageBus bus, IOptions<CatalogOptions> catalog, HttpContext http) =>
        TypedResults.Ok(await ExecuteAsync(Members.IdOf(http.User)!.Value, productId, bus, catalog.Value, http.RequestAborted));

    public static Task<CartView> ExecuteAsync(Guid buyerId, Guid productId, IMessageBus bus, CatalogOptions catalog, CancellationToken ct) =>
        bus.InvokeAsync<CartView>(new Command(buyerId, productId, catalog.Currency), ct, UseCases.InvokeTimeout);

    public static async Task<CartView> HandleAsync(Command command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        await OrderLocks.HoldAsync(session, [OrderLocks.CartKey(command.BuyerId)], ct);
        var cart = await session.LoadAsync<Cart>(command.BuyerId, ct) ?? new Cart { Id = command.BuyerId };
        if (cart.Items.RemoveAll(i => i.ProductId == command.ProductId) > 0)
        {
            cart.UpdatedAt = clock.GetUtcNow();
            session.Store(cart);
        }

        return await CartView.OfAsync(session, cart, command.Currency, ct);
    }
}
