using Alba;
using Marketplace.Features.Accounts;
using Marketplace.Features.Moderation;
using Marketplace.Features.Orders;
using Marten;

namespace Marketplace.Tests.Features.Orders;

/// <summary>What the platform fee tests share: admins, reading and changing fees over the API, orders of one cart.</summary>
public abstract class PlatformFeeTest(AppFixture fixture) : OrdersTest(fixture)
{
    protected Task<Member> AdminAsync() => MemberAsync("admin", Roles.Admin);

    protected async Task<GetPlatformFees.Response> FeesAsync(Member admin) =>
        (await AsUserAsync(admin.Token, s => s.Get.Url("/api/admin/fees"))).ReadAsJson<GetPlatformFees.Response>()!;

    protected Task<IScenarioResult> PutFeeAsync(Member admin, string url, object body) => AsUserAsync(admin.Token, s =>
    {
        s.Put.Json(body).ToUrl(url);
        s.StatusCodeShouldBe(200);
    });

    /// <summary>A new buyer's order of the products, placed (not paid).</summary>
    protected async Task<Order> OrderOfAsync(params Guid[] productIds)
    {
        var buyer = await BuyerAsync();
        foreach (var id in productIds)
        {
            await AddAsync(buyer, id);
        }

        return (await OrderAsync((await CheckoutAsync(buyer)).OrderId))!;
    }

    protected Task<IReadOnlyList<AuditEntry>> AuditAsync(params string[] actions) =>
        QueryAsync(q => q.Query<AuditEntry>().Where(e => e.Action.IsOneOf(actions)).OrderBy(e => e.At).ToListAsync());
}
