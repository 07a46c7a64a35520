using Marketplace.Features.Accounts;
using Marketplace.Features.Forum;
using Marketplace.Features.StripeWebhooks;
using Marketplace.Tests.Features.Catalog;
using Marketplace.Tests.Features.Downloads;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests.Security;

/// <summary>A caller of the matrix: the bearer token the API gets and the sign-in cookie pages get.</summary>
public sealed record CallerIdentity(Guid Id, string Email, string Token, string Cookie);

/// <summary>
/// The one world every cell of the matrix runs in: each caller, and the value of each route parameter (the owning
/// seller's shop, its product and file, the buyer's paid order and entitlement, the buyer's thread and post...).
/// </summary>
public sealed record World(IReadOnlyDictionary<Caller, CallerIdentity> Callers, IReadOnlyDictionary<string, string> Values, CatalogTest.Seller Owner);

/// <summary>Builds the matrix's world through the API, as members would, and throwaway targets for the cells that need one.</summary>
public abstract class RouteAuthorizationTest(AppFixture fixture) : DownloadsTest(fixture)
{
    private readonly List<Action> _restore = [];

    protected async Task<World> WorldAsync()
    {
        LiftPostingLimit();
        var purchase = await PurchaseAsync();
        var otherSeller = await SellerAsync("Paper Mill");
        var callers = new Dictionary<Caller, CallerIdentity>
        {
            [Caller.Buyer] = await IdentityAsync(purchase.Buyer),
            [Caller.OtherBuyer] = await IdentityAsync(await BuyerAsync()),
            [Caller.Owner] = await IdentityAsync(purchase.Seller.Owner),
            [Caller.OtherSeller] = await IdentityAsync(otherSeller.Owner),
            [Caller.Moderator] = await IdentityAsync(await MemberAsync("moderator", Roles.Moderator)),
            [Caller.Admin] = await IdentityAsync(await MemberAsync("admin", Roles.Admin)),
        };
        callers[Caller.Suspended] = await SuspendAsync(callers[Caller.Moderator], await IdentityAsync(await MemberAsync("suspended")));

        var slug = $"help-{Guid.NewGuid():N}"[..20];
        var category = (await AsUserAsync(callers[Caller.Admin].Token, s =>
        {
            s.Post.Json(new { name = "Help", slug, description = "Ask anything", position = 1, readOnly = false }).ToUrl("/api/forum/categories");
            s.StatusCodeShouldBe(201);
        })).ReadAsJson<Categories.View>()!;
        var thread = await ThreadAsync(purchase.Buyer.Token, category.Id);
        var me = (await AsUserAsync(purchase.Buyer.Token, s => s.Get.Url("/api/me"))).ReadAsJson<GetMe.Response>()!;
        var eventId = await QueryAsync(async q => (await q.Query<StripeEventRecord>().Take(1).ToListAsync()).Select(e => e.Id).FirstOrDefault() ?? "evt_missing");

        var values = new Dictionary<string, string>
        {
            ["shopId"] = $"{purchase.Seller.Shop.Id}",
            ["slug"] = purchase.Seller.Shop.Slug,
            ["productId"] = $"{purchase.ProductId}",
            ["id"] = $"{purchase.ProductId}", // the product editor's page; a dead letter of that id does not exist (admin: 404)
            ["fileId"] = $"{purchase.FileId}",
            ["entitlement"] = $"{purchase.EntitlementId}", // a download link's path, without its signature
            ["file"] = $"{purchase.FileId}",
            ["orderId"] = $"{purchase.OrderId}",
            ["entitlementId"] = $"{purchase.EntitlementId}",
            ["userId"] = $"{purchase.Buyer.Id}",
            ["handle"] = me.Handle!,
            ["categoryId"] = $"{category.Id}",
            ["category"] = category.Slug,
            ["threadId"] = $"{thread.ThreadId}",
            ["postId"] = $"{thread.PostId}",
            ["itemId"] = $"post-{thread.PostId:N}", // a queue item of a post nobody flagged: a moderator finds nothing to claim (404)
            ["eventId"] = eventId,
            ["size"] = "small",
            ["status"] = "404",
            ["documentName"] = "v1",
            ["handler"] = "",
        };
        return new World(callers, values, purchase.Seller);
    }

    /// <summary>The route values of a throwaway target of this kind (the world's own for rows without one).</summary>
    protected async Task<IReadOnlyDictionary<string, string>> TargetAsync(World world, Throwaway kind)
    {
        if (kind is Throwaway.None or Throwaway.Caller)
        {
            return world.Values;
        }

        var values = new Dictionary<string, string>(world.Values);
        switch (kind)
        {
            case Throwaway.Member:
                values["userId"] = $"{await CreateAccountAsync(NewEmail("target"))}";
                break;
            case Throwaway.Shop:
                var shop = await OpenShopAsync(await SignedInAsync("seller"), name: "Throwaway Shop");
                (values["shopId"], values["slug"]) = ($"{shop.Id}", shop.Slug);
                break;
            case Throwaway.Product:
                var product = await CreateProductAsync(world.Owner);
                var file = await AttachFileAsync(world.Owner, product.Id);
                await PublishAsync(world.Owner, product.Id);
                (values["productId"], values["fileId"]) = ($"{product.Id}", $"{file.FileId}");
                break;
            case Throwaway.Post:
                var reply = await ReplyAsync(world.Callers[Caller.Buyer].Token, Guid.Parse(world.Values["threadId"]));
                values["postId"] = $"{reply}";
                break;
            case Throwaway.Thread:
                var thread = await ThreadAsync(world.Callers[Caller.Buyer].Token, Guid.Parse(world.Values["categoryId"]));
                (values["threadId"], values["postId"]) = ($"{thread.ThreadId}", $"{thread.PostId}");
                break;
        }

        return values;
    }

    /// <summary>A caller of the same kind for one cell, with a bearer token only (the rows that need one are API routes).</summary>
    protected async Task<CallerIdentity> StandInAsync(World world, Caller caller) => caller switch
    {
        Caller.Owner or Caller.OtherSeller => await WithShopAsync(await SignedInAsync("seller")),
        Caller.Moderator => Of(await SignedInAsync("moderator", Roles.Moderator)),
        Caller.Admin => Of(await SignedInAsync("admin", Roles.Admin)),
        Caller.Suspended => await SuspendAsync(world.Callers[Caller.Moderator], Of(await SignedInAsync("suspended"))),
        _ => Of(await SignedInAsync("buyer")),
    };

    private async Task<CallerIdentity> WithShopAsync(Member seller)
    {
        await OpenShopAsync(seller, name: "Stand-in Shop");
        return Of(seller);
    }

    /// <summary>A member signed in from an address of their own: the sign-in limit per address would stop a run's many stand-ins.</summary>
    private async Task<Member> SignedInAsync(string who, params string[] roles)
    {
        var email = NewEmail(who);
        var id = await CreateAccountAsync(email, roles);
        var login = await Host.Scenario(s =>
        {
            s.ConfigureHttpContext(c => c.Connection.RemoteIpAddress = NewClientAddress());
            s.Post.Json(new { email, password = Password }).ToUrl("/api/auth/login");
            s.StatusCodeShouldBe(200);
        });
        return new Member(id, email, login.ReadAsJson<TokenPair>()!.AccessToken);
    }

    private static CallerIdentity Of(Member member) => new(member.Id, member.Email, member.Token, Cookie: "");

    private async Task<CallerIdentity> IdentityAsync(Member member) => Of(member) with { Cookie = await SignInCookieAsync(member.Email) };

    /// <summary>Suspends the member for a week through the moderation API (signed in before).</summary>
    private async Task<CallerIdentity> SuspendAsync(CallerIdentity moderator, CallerIdentity member)
    {
        await AsUserAsync(moderator.Token, s =>
        {
            s.Post.Json(new { until = DateTimeOffset.UtcNow.AddDays(7), reason = "Matrix check." }).ToUrl($"/api/moderation/users/{member.Id}/suspend");
            s.StatusCodeShouldBe(200);
        });
        return member;
    }

    /// <summary>
    /// Lifts the forum's posting limit for this run (put back when it ends): the buyer writes every throwaway post and
    /// thread, far more than the limit allows one member. Each member's bucket reads the setting when it is first
    /// used, so members of other tests get the limit as configured; PostingLimitsTests tests it.
    /// </summary>
    private void LiftPostingLimit()
    {
        var configuration = Host.Services.GetRequiredService<IConfiguration>();
        foreach (var key in new[] { "RateLimits:posting:PermitLimit", "RateLimits:posting-new:PermitLimit" })
        {
            var before = configuration[key];
            configuration[key] = "100000";
            _restore.Add(() => configuration[key] = before);
        }
    }

    public override async Task DisposeAsync()
    {
        _restore.ForEach(restore => restore());
        await base.DisposeAsync();
    }

    private async Task<Threads.Started> ThreadAsync(string token, Guid categoryId) => (await AsUserAsync(token, s =>
    {
        s.Post.Json(new { title = "Exporting fonts", body = "How do I export my fonts?" }).ToUrl($"/api/forum/categories/{categoryId}/threads");
        s.StatusCodeShouldBe(201);
    })).ReadAsJson<Threads.Started>()!;

    private async Task<Guid> ReplyAsync(string token, Guid threadId) => (await AsUserAsync(token, s =>
    {
        s.Post.Json(new { body = $"A reply to act on ({Guid.NewGuid():N})." }).ToUrl($"/api/forum/threads/{threadId}/posts");
        s.StatusCodeShouldBe(201);
    })).ReadAsJson<Posts.Created>()!.PostId;
}
