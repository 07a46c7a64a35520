using Marketplace.Features.Shops;
using Marketplace.Infrastructure.Persistence;
using Marten;
using Stripe;
using Wolverine;
using Wolverine.Attributes;

namespace Marketplace.Features.Payouts;

/// <summary>
/// Reads the shop's connected account from Stripe and applies it (the seller's return from onboarding, and the demo
/// data): the payout document and the messages the change causes commit together.
/// </summary>
[WolverineHandler]
public static class SyncPayoutAccount
{
    public sealed record Command(Guid ShopId, string SiteUrl);

    /// <summary>The shop's payout document after the sync; none before the shop has a connected account.</summary>
    public sealed record Synced(ShopPayoutAccount? Payouts);

    public static Task<Synced> ExecuteAsync(Shop shop, string siteUrl, IMessageBus bus, CancellationToken ct) =>
        bus.InvokeAsync<Synced>(new Command(shop.Id, siteUrl), ct, UseCases.InvokeTimeout);

    /// <summary>
    /// <see cref="ConnectedAccounts"/> is built here over Wolverine's session (the DI-scoped one would commit apart), and
    /// publishes through this handler's message context, which commits with that session.
    /// </summary>
    public static async Task<Synced> HandleAsync(
        Command command, IDocumentSession session, IStripeClient stripe, TimeProvider clock, IMessageContext messages, CancellationToken ct) =>
        await session.LoadAsync<Shop>(command.ShopId, ct) is { } shop
            ? new Synced(await new ConnectedAccounts(stripe, session, clock).SyncAsync(shop, messages, command.SiteUrl, ct))
            : new Synced(null);
}
