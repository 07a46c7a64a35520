using JasperFx.Events.Projections;
using Marketplace.Features.Accounts;
using Marketplace.Infrastructure.Modules;
using Marketplace.Infrastructure.Web;
using Marten;

namespace Marketplace.Features.Orders;

/// <summary>Carts, orders (event-sourced, with an inline snapshot), checkout on Stripe, transfers to shops, entitlements.</summary>
public sealed class OrdersModule : IFeatureModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OrderOptions>().Bind(configuration.GetSection(OrderOptions.Section));
        services.AddSingleton<OrderMails>();
        services.ConfigureMarten(options =>
        {
            options.Schema.For<Cart>();
            options.Schema.For<PlatformFees>();
            options.Schema.For<EditionStock>();
            options.Schema.For<Entitlement>().Index(x => x.BuyerId).Index(x => x.OrderId);
            options.Schema.For<Order>().Index(x => x.BuyerId).Index(x => x.ChargeId).Index(x => x.PaidAt); // PaidAt: the admin dashboard's sales
            options.Projections.Snapshot<Order>(SnapshotLifecycle.Inline);
            options.Events.AddEventTypes([
                typeof(OrderPlaced), typeof(CheckoutStarted), typeof(OrderPaid), typeof(OrderFulfilled), typeof(ShopTransferred), typeof(OrderExpired),
                typeof(OrderCancelled), typeof(PaymentAfterClose), typeof(RefundRequested), typeof(OrderRefunded), typeof(TransferReversed),
                typeof(OrderDisputed), typeof(DisputeClosed),
            ]);
        });
    }

    public void MapEndpoints(IEndpointRouteBuilder app)
    {
        var cart = app.MapApi("/cart", "Orders");
        AddToCart.Map(cart);
        GetCart.Map(cart);
        RemoveFromCart.Map(cart);

        Checkout.Map(app.MapApi("", "Orders"));
        var orders = app.MapApi("/orders", "Orders");
        GetOrders.Map(orders);
        RefundOrder.Map(orders);

        var admin = app.MapApi("/admin", "Admin").RequireAuthorization(Policies.Admin);
        GetPlatformFees.Map(admin);
        UpdatePlatformFee.Map(admin);
        SetShopFee.Map(admin);
    }
}
