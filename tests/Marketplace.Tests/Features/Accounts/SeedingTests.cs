using Marketplace.Features.Accounts;
using Marketplace.Infrastructure.Seeding;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests.Features.Accounts;

public sealed class SeedingTests(AppFixture fixture) : AccountsTest(fixture)
{
    [Fact]
    public async Task Demo_data_makes_one_confirmed_account_per_role_a_starter_forum_and_an_onboarded_shop_with_published_products_whose_seller_is_told_once_and_prints_the_sign_ins()
    {
        var seeder = Host.Services.GetRequiredService<DemoDataSeeder>();

        var lines = await seeder.SeedAsync(CancellationToken.None);
        await seeder.SeedAsync(CancellationToken.None);

        var accounts = await QueryAsync(session => Marten.QueryableExtensions.ToListAsync(session.Query<UserAccount>()));
        accounts.Count.ShouldBe(4);
        accounts.ShouldAllBe(account => account.EmailConfirmed);
        accounts.SelectMany(account => account.Roles).Distinct().Order().ShouldBe(Roles.All.Order());
        lines.ShouldContain(line => line.Contains("admin@marketplace.localhost", StringComparison.Ordinal) && line.Contains(DemoAccounts.Password, StringComparison.Ordinal));
        (await QueryAsync(session => Marten.QueryableExtensions.CountAsync(session.Query<Marketplace.Features.Forum.ForumCategory>(), c => c.ShopId == null))).ShouldBe(3);
        var shops = await QueryAsync(session => Marten.QueryableExtensions.ToListAsync(session.Query<Marketplace.Features.Shops.Shop>()));
        shops.ShouldHaveSingleItem().Slug.ShouldBe(Marketplace.Features.Payouts.DemoShop.Slug);
        (await SendAsync(s => s.Get.Url($"/api/shops/{shops[0].Slug}"))).ReadAsJson<Marketplace.Features.Shops.ShopView>()!.CanPublish.ShouldBeTrue();
        (await QueryAsync(session => Marten.QueryableExtensions.CountAsync(session.Query<Marketplace.Features.Forum.ForumThread>(), t => t.Subject == null))).ShouldBe(1);
        var products = await SendAsync(s => s.Get.Url($"/api/products?shop={shops[0].Slug}"));
        products.ReadAsJson<System.Text.Json.JsonElement>().GetProperty("total").GetInt64().ShouldBe(4);
        var admin = await LoginAsync("admin@marketplace.localhost", DemoAccounts.Password);
        await AsUserAsync(admin.AccessToken, s => s.Get.Url("/api/admin/users"));
        var seller = DemoAccounts.People[2].Email;
        (await Eventually.ValueAsync(() => MailsToAsync(seller), mails => mails.Count > 0)).ShouldHaveSingleItem().Subject.ShouldContain("can now sell");
    }
}

/// <summary>The staging host is started with <c>Seed:AdminEmail</c> and <c>Seed:AdminPassword</c>, as an operator would.</summary>
[Collection(StagingCollection.Name)]
public sealed class ConfiguredAdminTests(StagingFixture fixture)
{
    [Fact]
    public async Task The_first_admin_comes_from_configuration_in_any_environment()
    {
        var login = await fixture.Host.Scenario(s => s.Post.Json(new { email = StagingFixture.AdminEmail, password = StagingFixture.AdminPassword }).ToUrl("/api/auth/login"));
        var tokens = login.ReadAsJson<TokenPair>()!;

        var me = await fixture.Host.Scenario(s =>
        {
            s.Get.Url("/api/me");
            s.WithRequestHeader("Authorization", $"Bearer {tokens.AccessToken}");
        });

        me.ReadAsJson<GetMe.Response>()!.Roles.ShouldContain(Roles.Admin);
    }
}
