using System.Text.Json;
using Marketplace.Features.Accounts;
using Marketplace.Features.Shops;
using Marten;

namespace Marketplace.Tests.Features.Shops;

public sealed class OpenShopTests(AppFixture fixture) : ShopsTest(fixture)
{
    [Fact]
    public async Task Opening_a_shop_makes_the_caller_its_owner_and_a_seller()
    {
        var owner = await MemberAsync("owner");

        var shop = await OpenShopAsync(owner, slug: "glyph-foundry");

        shop.Slug.ShouldBe("glyph-foundry");
        shop.OwnerId.ShouldBe(owner.Id);
        shop.CanPublish.ShouldBeFalse();
        var me = await AsUserAsync((await LoginAsync(owner.Email)).AccessToken, s => s.Get.Url("/api/me"));
        me.ReadAsJson<JsonElement>().GetProperty("roles").EnumerateArray().Select(r => r.GetString()).ShouldContain(Roles.Seller);
        var page = await SendAsync(s => s.Get.Url("/api/shops/glyph-foundry"));
        page.ReadAsJson<ShopView>()!.Name.ShouldBe("Glyph Foundry");
    }

    [Theory]
    [InlineData("ab", "3 to 40")]
    [InlineData("Glyph", "lowercase")]
    [InlineData("glyph--foundry", "lowercase")]
    [InlineData("-glyph", "lowercase")]
    [InlineData("admin", "reserved")]
    [InlineData("stripe-sandbox", "reserved")]
    public async Task A_bad_or_reserved_address_is_refused_and_nothing_is_stored(string slug, string message)
    {
        var owner = await MemberAsync("owner");

        var result = await AsUserAsync(owner.Token, s =>
        {
            s.Post.Json(new { name = "Glyph Foundry", slug, description = "" }).ToUrl("/api/shops");
            s.StatusCodeShouldBe(400);
        });

        var errors = Problem(result).GetProperty("errors");
        errors.GetProperty("slug")[0].GetString()!.ShouldContain(message);
        (await QueryAsync(q => q.Query<Shop>().CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task Every_invalid_field_is_listed_at_once()
    {
        var owner = await MemberAsync("owner");

        var result = await AsUserAsync(owner.Token, s =>
        {
            s.Post.Json(new { name = "", slug = "", description = new string('x', 2001) }).ToUrl("/api/shops");
            s.StatusCodeShouldBe(400);
        });

        var errors = Problem(result).GetProperty("errors");
        errors.TryGetProperty("name", out _).ShouldBeTrue();
        errors.TryGetProperty("slug", out _).ShouldBeTrue();
        errors.TryGetProperty("description", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task An_address_another_shop_uses_is_refused()
    {
        var first = await MemberAsync("first");
        var second = await MemberAsync("second");
        var taken = await OpenShopAsync(first);

        var result = await AsUserAsync(second.Token, s =>
        {
            s.Post.Json(new { name = "Copycat", slug = taken.Slug }).ToUrl("/api/shops");
            s.StatusCodeShouldBe(400);
        });

        Problem(result).GetProperty("errors").GetProperty("slug")[0].GetString()!.ShouldContain("already");
    }

    [Fact]
    public async Task A_member_runs_one_shop_even_when_asking_twice_at_once()
    {
        var owner = await MemberAsync("owner");

        var attempts = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Host.Scenario(s =>
        {
            s.WithRequestHeader("Authorization", $"Bearer {owner.Token}");
            s.Post.Json(new { name = $"Shop {i}", slug = NewSlug() }).ToUrl("/api/shops");
            s.IgnoreStatusCode();
        })));

        attempts.Count(a => a.Context.Response.StatusCode == 201).ShouldBe(1);
        attempts.Where(a => a.Context.Response.StatusCode != 201).ShouldAllBe(a => a.Context.Response.StatusCode == 409);
        (await QueryAsync(q => q.Query<Shop>().CountAsync(s => s.OwnerId == owner.Id))).ShouldBe(1);
    }

    [Fact]
    public async Task Two_members_racing_for_one_address_leave_one_shop_with_it()
    {
        var members = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => MemberAsync($"racer{i}")));
        var slug = NewSlug("race");

        var attempts = await Task.WhenAll(members.Select(m => Host.Scenario(s =>
        {
            s.WithRequestHeader("Authorization", $"Bearer {m.Token}");
            s.Post.Json(new { name = "Race", slug }).ToUrl("/api/shops");
            s.IgnoreStatusCode();
        })));

        attempts.Count(a => a.Context.Response.StatusCode == 201).ShouldBe(1);
        attempts.Where(a => a.Context.Response.StatusCode != 201).ShouldAllBe(a => a.Context.Response.StatusCode == 400);
        (await QueryAsync(q => q.Query<Shop>().CountAsync(s => s.Slug == slug))).ShouldBe(1);
    }

    [Fact]
    public async Task Opening_a_shop_needs_a_signed_in_member()
    {
        await SendAsync(s =>
        {
            s.Post.Json(new { name = "Anon", slug = NewSlug() }).ToUrl("/api/shops");
            s.StatusCodeShouldBe(401);
        });
    }

    [Fact]
    public async Task An_unknown_shop_address_is_not_found()
    {
        var result = await SendAsync(s =>
        {
            s.Get.Url("/api/shops/no-such-shop");
            s.StatusCodeShouldBe(404);
        });

        Problem(result).GetProperty("type").GetString().ShouldBe("/problems/not-found");
    }
}
