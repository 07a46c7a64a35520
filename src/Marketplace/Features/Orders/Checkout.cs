using Marketplace.Features.Accounts;
using Marketplace.Features.Catalog;
using Marketplace.Infrastructure.Persistence;
using Marketplace.Infrastructure.Web;
using Marten;
using Microsoft.Extensions.Options;
using Stripe;
using Wolverine;
using Wolverine.Attributes;

namespace Marketplace.Features.Orders;

/// <summary>
/// <c>POST /api/checkout</c>: places the order from the caller's cart (<see cref="PlaceOrder"/>), then opens one Stripe
/// Checkout Session on the platform for it (separate charges and transfers: the shops are paid from the charge once it
/// succeeds) and records it on the order. If Stripe cannot be reached the order is cancelled, which releases its
/// reservations and puts its lines back in the cart. A cart of free products completes at once, without Stripe, and
/// its answer's URL is the order's page.
/// </summary>
[WolverineHandler]
public static class Checkout
{
    public sealed record Response(Guid OrderId, string CheckoutUrl);

    public sealed record StartCommand(Guid OrderId, string SessionId, string Url, DateTimeOffset ExpiresAt);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/checkout", PostAsync).RequireAuthorization(Policies.Member).WithName("Checkout")
            .WithSummary("Places an order from the caller's cart at today's prices, reserves limited editions, and answers the Stripe-hosted checkout's URL.")
            .Produces<Response>().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    public static async Task<IResult> PostAsync(
        IMessageBus bus, IStripeClient stripe, IOptions<CatalogOptions> catalog, IOptions<OrderOptions> options, TimeProvider clock, HttpContext http)
    {
        var (response, problem) = await ExecuteAsync(Members.IdOf(http.User)!.Value, bus, stripe, catalog.Value, options.Value, clock, PublicUrl.Of(http),
            http.RequestAborted);
        return problem ?? TypedResults.Ok(response);
    }

    public static async Task<(Response? Response, IResult? Problem)> ExecuteAsync(
        Guid buyerId, IMessageBus bus, IStripeClient stripe, CatalogOptions catalog, OrderOptions options, TimeProvider clock, string siteUrl, CancellationToken ct)
    {
        var placed = await bus.InvokeAsync<PlaceOrder.Outcome>(new PlaceOrder.Command(buyerId, catalog.Currency), ct, UseCases.InvokeTimeout);
        if (placed.Order is not { } order)
        {
            return (null, placed.Problem);
        }

        // Past this point the order exists: the request's cancellation no longer stops the calls, so a buyer who
        // closes the tab leaves an order that is either started or cancelled, never half-made.
        if (order.Total == 0)
        {
            // Nothing to charge: completed now (its durable copy, published with the order, then finds it done).
            await bus.InvokeAsync(new OrderPayment.CompleteFreeOrder(order.Id), CancellationToken.None, UseCases.InvokeTimeout);
            return (new Response(order.Id, $"{siteUrl}/orders/{order.Id}"), null);
        }

        Stripe.Checkout.Session session;
        try
        {
            session = await new Stripe.Checkout.SessionService(stripe).CreateAsync(
                SessionOptions(order, siteUrl, clock.GetUtcNow() + options.CheckoutLifetime),
                new RequestOptions { IdempotencyKey = $"checkout-session-{order.Id:N}" }, CancellationToken.None);
        }
        catch (Exception e) when (e is StripeException or HttpRequestException or TaskCanceledException)
        {
            await bus.InvokeAsync(new CloseOrder.Command(order.Id, Expired: false, "Checkout could not start: the payment provider did not answer."),
                CancellationToken.None, UseCases.InvokeTimeout);
            return (null, OrderProblems.PaymentsUnavailable());
        }

        await bus.InvokeAsync(new StartCommand(order.Id, session.Id, session.Url, session.ExpiresAt), CancellationToken.None, UseCases.InvokeTimeout);
        return (new Response(order.Id, session.Url), null);
    }

    public static async Task HandleAsync(StartCommand command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<Order>(command.OrderId, ct);
        // A webhook may have moved the order on already (a very fast payment): the session is then recorded by it.
        if (stream.Aggregate is { Status: OrderStatus.Placed })
        {
            stream.AppendOne(new CheckoutStarted(command.SessionId, command.Url, command.ExpiresAt, clock.GetUtcNow()));
        }
    }

    /// <summary>One line item per product, the order's id as transfer group and in metadata, our pages to come back to.</summary>
    public static Stripe.Checkout.SessionCreateOptions SessionOptions(Order order, string siteUrl, DateTimeOffset expiresAt) => new()
    {
        Mode = "payment",
        ClientReferenceId = order.Id.ToString(),
        LineItems = [.. order.Lines.Select(line => new Stripe.Checkout.SessionLineItemOptions
        {
            Quantity = line.Quantity,
            PriceData = new Stripe.Checkout.SessionLineItemPriceDataOptions
            {
                Currency = order.Currency, UnitAmount = line.UnitAmount,
                ProductData = new Stripe.Checkout.SessionLineItemPriceDataProductDataOptions { Name = line.Title },
            },
        })],
        Metadata = new Dictionary<string, string> { [OrderMetadata.OrderId] = order.Id.ToString() },
        PaymentIntentData = new Stripe.Checkout.SessionPaymentIntentDataOptions
        {
            TransferGroup = order.Id.ToString(),
            Metadata = new Dictionary<string, string> { [OrderMetadata.OrderId] = order.Id.ToString() },
        },
        SuccessUrl = $"{siteUrl}/orders/{order.Id}?checkout=success&session_id={{CHECKOUT_SESSION_ID}}",
        CancelUrl = $"{siteUrl}/orders/{order.Id}?checkout=cancelled",
        ExpiresAt = expiresAt.UtcDateTime,
    };
}

/// <summary>The metadata keys the marketplace puts on Stripe objects.</summary>
public static class OrderMetadata
{
    public const string OrderId = "order_id";
    public const string ShopId = "shop_id";
}
