using Marketplace.Features.Shops;
using Marketplace.Tests.Features.Accounts;

namespace Marketplace.Tests.Features.Shops;

/// <summary>What shop tests share: sellers with tokens and shops opened through the API.</summary>
public abstract class ShopsTest(AppFixture fixture) : AccountsTest(fixture)
{
    public sealed record Member(Guid Id, string Email, string Token);

    protected async Task<Member> MemberAsync(string who, params string[] roles)
    {
        var email = NewEmail(who);
        var id = await CreateAccountAsync(email, roles);
        return new Member(id, email, (await LoginAsync(email)).AccessToken);
    }

    protected static string NewSlug(string stem = "shop") => $"{stem}-{Guid.NewGuid():N}"[..20];

    protected async Task<ShopView> OpenShopAsync(Member owner, string? slug = null, string name = "Glyph Foundry")
    {
        var opened = await AsUserAsync(owner.Token, s =>
        {
            s.Post.Json(new { name, slug = slug ?? NewSlug(), description = "Fonts for people who read." }).ToUrl("/api/shops");
            s.StatusCodeShouldBe(201);
        });
        return opened.ReadAsJson<ShopView>()!;
    }
}
