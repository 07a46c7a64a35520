using Marketplace.Features.Accounts;
using Marketplace.Features.Shops;
using Marketplace.Infrastructure.Web;
using Marketplace.Tests.Features.Shops;
using Marten;

namespace Marketplace.Tests.Security;

/// <summary>Names other people see read as written and never as the marketplace's staff.</summary>
public sealed class PublicNameTests(AppFixture fixture) : ShopsTest(fixture)
{
    public static TheoryData<string, string> Deceptive => new()
    {
        { "right-to-left override", "Ada \u202Egnp.exe" },
        { "left-to-right isolate", "Ada\u2066Lovelace\u2069" },
        { "zero-width only", "\u200B\u200B\u200B" },
        { "zero-width joiner inside", "Ad\u200Da" },
        { "word joiner", "Ada\u2060Lovelace" },
        { "Hangul filler only", "\u3164\u3164" },
        { "blank Braille only", "\u2800\u2800\u2800" },
        { "combining-mark flood", "Ada" + new string('\u0301', 12) },
        { "marks only", "\u0301\u0301" },
        { "staff-like", "Ada Admin" },
        { "staff-like in capitals", "MODERATOR Team" },
        { "staff-like with accents", "Ädmin Ada" },
        { "staff-like in full-width letters", "\uFF41\uFF44\uFF4D\uFF49\uFF4E" },
        { "official", "Marketplace Official" },
        { "private use", "Ada \uE000" },
    };

    [Theory]
    [MemberData(nameof(Deceptive))]
    public async Task A_deceptive_display_name_is_refused_at_sign_up_and_no_account_is_made(string why, string name)
    {
        var result = await SendAsync(s =>
        {
            s.Post.Json(new { email = NewEmail("name"), password = Password, displayName = name }).ToUrl("/api/auth/register");
            s.StatusCodeShouldBe(400);
        });

        result.ShouldBeProblem(400, ProblemTypes.Validation).GetProperty("errors").TryGetProperty("displayName", out _).ShouldBeTrue(why);
        (await QueryAsync(q => q.Query<UserAccount>().CountAsync())).ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(Deceptive))]
    public async Task A_deceptive_shop_name_is_refused_and_the_shop_keeps_its_name(string why, string name)
    {
        var owner = await MemberAsync("owner");
        var shop = await OpenShopAsync(owner);

        var result = await AsUserAsync(owner.Token, s =>
        {
            s.Put.Json(new { name }).ToUrl($"/api/shops/{shop.Id}");
            s.StatusCodeShouldBe(400);
        });

        result.ShouldBeProblem(400, ProblemTypes.Validation).GetProperty("errors").TryGetProperty("name", out _).ShouldBeTrue(why);
        (await QueryAsync(q => q.LoadAsync<Shop>(shop.Id)))!.Name.ShouldBe(shop.Name);
    }

    [Theory]
    [InlineData("Zoë Ångström")]
    [InlineData("李小龍")]
    [InlineData("José 🎨 Fonts")]
    [InlineData("Family 👩‍👩‍👧")]
    [InlineData("Moderna Type")]
    [InlineData("Adminton Studio")]
    public async Task Names_in_any_script_with_accents_or_emoji_are_welcome(string name)
    {
        var owner = await MemberAsync("owner");
        var shop = await OpenShopAsync(owner);

        await AsUserAsync(owner.Token, s =>
        {
            s.Put.Json(new { name }).ToUrl($"/api/shops/{shop.Id}");
            s.StatusCodeShouldBe(200);
        });
    }

    [Fact]
    public async Task A_name_typed_in_decomposed_form_is_stored_composed()
    {
        var owner = await MemberAsync("owner");
        var shop = await OpenShopAsync(owner);

        await AsUserAsync(owner.Token, s =>
        {
            s.Put.Json(new { name = "Zoe\u0308 Type" }).ToUrl($"/api/shops/{shop.Id}");
            s.StatusCodeShouldBe(200);
        });

        (await QueryAsync(q => q.LoadAsync<Shop>(shop.Id)))!.Name.ShouldBe("Zo\u00EB Type");
    }
}
