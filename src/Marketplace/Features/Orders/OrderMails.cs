using Marketplace.Features.Accounts;
using Marketplace.Features.Email;
using Marketplace.Features.Shops;
using Marketplace.Infrastructure.Payments;
using Marketplace.Infrastructure.Web;
using Marten;
using Microsoft.AspNetCore.Hosting.Server;

namespace Marketplace.Features.Orders;

/// <summary>The mails of a paid order: the buyer's receipt, and one to each seller about their part of the sale.</summary>
public sealed class OrderMails(IConfiguration configuration, IServer server)
{
    public const string LibraryPage = "/library";

    public async Task<IReadOnlyList<SendEmail>> ForPaidOrderAsync(IQuerySession session, Order order, CancellationToken ct)
    {
        var site = PublicUrl.Of(configuration, server);
        var mails = new List<SendEmail>();
        if (await session.LoadAsync<UserAccount>(order.BuyerId, ct) is { Email: { } buyerEmail, DeletedAt: null } buyer)
        {
            mails.Add(Receipt(buyer.DisplayName, order, site).ToMessage(buyerEmail));
        }

        var shops = await session.LoadManyAsync<Shop>(ct, order.Shops.Select(s => s.ShopId).ToArray());
        var owners = (await session.LoadManyAsync<UserAccount>(ct, shops.Select(s => s.OwnerId).Distinct().ToArray())).ToDictionary(o => o.Id);
        foreach (var shop in shops)
        {
            if (owners.GetValueOrDefault(shop.OwnerId) is { Email: { } ownerEmail, DeletedAt: null } owner)
            {
                mails.Add(Sale(owner.DisplayName, shop.Name, order, order.Shops.Single(s => s.ShopId == shop.Id), site).ToMessage(ownerEmail));
            }
        }

        return mails;
    }

    /// <summary>A dispute opened on the order: each of its sellers and every admin is told (the admins answer it in Stripe).</summary>
    public async Task<IReadOnlyList<SendEmail>> ForDisputeAsync(IQuerySession session, Order order, long amount, CancellationToken ct)
    {
        var site = PublicUrl.Of(configuration, server);
        var shops = await session.LoadManyAsync<Shop>(ct, order.Shops.Select(s => s.ShopId).ToArray());
        var sellers = await session.LoadManyAsync<UserAccount>(ct, shops.Select(s => s.OwnerId).Distinct().ToArray());
        var admins = await session.Query<UserAccount>().Where(u => u.Roles.Contains(Roles.Admin)).ToListAsync(ct);
        var content = EmailLayout.Render(
            subject: $"Order {ShortId(order.Id)} is disputed",
            title: "A payment is disputed",
            paragraphs:
            [
                $"The buyer of order {order.Id} disputed {Money.Format(amount, order.Currency)} of its payment with their bank.",
                "Their downloads are frozen until the dispute closes: restored if it is won; if it is lost they stay revoked and the shops' transfers are reversed by their share.",
            ],
            action: new EmailCallToAction("Open your sales", $"{site}/shop/payouts"));
        return [.. sellers.Concat(admins).Where(u => u is { Email: not null, DeletedAt: null }).DistinctBy(u => u.Id).Select(u => content.ToMessage(u.Email!))];
    }

    public static EmailContent Receipt(string displayName, Order order, string site) =>
        EmailLayout.Render(
            subject: $"Your receipt for order {ShortId(order.Id)}",
            title: "Thank you for your order",
            paragraphs:
            [
                EmailLayout.Greeting(displayName),
                order.Total == 0
                    ? "Your free downloads are ready in your library: nothing was charged."
                    : $"We received your payment of {Money.Format(order.Total, order.Currency)}. Your downloads are ready in your library.",
                $"Order {order.Id}, {(order.Total == 0 ? "placed" : "paid")} {order.PaidAt ?? order.PlacedAt:d MMMM yyyy}.",
            ],
            action: new EmailCallToAction("Open your library", $"{site}{LibraryPage}"),
            secondary: new EmailCallToAction("See the order", $"{site}/orders/{order.Id}"),
            items: [.. order.Lines.Select(line => new EmailListItem(line.Title, $"{site}{LibraryPage}",
                $"{(line.Quantity > 1 ? $"{line.Quantity} × {Money.Format(line.UnitAmount, order.Currency)} = " : "")}{Money.Format(line.Amount, order.Currency)}"))]);

    public static EmailContent Sale(string displayName, string shopName, Order order, ShopShare share, string site) =>
        EmailLayout.Render(
            subject: $"{shopName} made a sale",
            title: "You made a sale",
            paragraphs:
            [
                EmailLayout.Greeting(displayName),
                share.Subtotal == 0
                    ? $"A buyer took {string.Join(", ", order.Lines.Where(l => l.ShopId == share.ShopId).Select(l => l.Title))} for free."
                    : $"A buyer paid {Money.Format(share.Subtotal, order.Currency)} for {string.Join(", ", order.Lines.Where(l => l.ShopId == share.ShopId).Select(l => l.Title))}.",
                share.Subtotal == 0
                    ? "Nothing was charged, so there is no transfer."
                    : $"After the platform's fee of {Money.Format(share.Fee, order.Currency)}, {Money.Format(share.Share, order.Currency)} is on its way to your Stripe balance.",
            ],
            action: new EmailCallToAction("Open your payouts page", $"{site}/shop/payouts"),
            secondary: new EmailCallToAction("Refund this sale", $"{site}/orders/{order.Id}/refund"));

    public static string ShortId(Guid orderId) => orderId.ToString("N")[^8..].ToUpperInvariant();
}
