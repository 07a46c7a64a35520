using System.Text.Json;
using Marketplace.Infrastructure.Web;
using Marketplace.Tests.Features.Shops;

namespace Marketplace.Tests.Infrastructure.Validation;

/// <summary>Validation messages name the field in words and say what is wrong, without FluentValidation's stock phrases.</summary>
public sealed class PlainMessagesTests(AppFixture fixture) : ShopsTest(fixture)
{
    [Fact]
    public async Task An_empty_display_name_and_a_malformed_email_are_explained_in_words_at_sign_up()
    {
        var result = await SendAsync(s =>
        {
            s.Post.Json(new { email = "not an address", password = "correct horse battery staple", displayName = "" }).ToUrl("/api/auth/register");
            s.StatusCodeShouldBe(400);
        });

        var errors = result.ShouldBeProblem(400, ProblemTypes.Validation).GetProperty("errors");
        Messages(errors, "displayName").ShouldContain("Fill in the display name.");
        Messages(errors, "email").ShouldContain("Enter an email address, like name@example.com.");
        errors.ToString().ShouldNotContain("'");
    }

    [Fact]
    public async Task A_shop_name_over_60_characters_is_refused_with_its_length_not_cut()
    {
        var owner = await MemberAsync("owner");
        var shop = await OpenShopAsync(owner);

        var result = await AsUserAsync(owner.Token, s =>
        {
            s.Put.Json(new { name = new string('a', 61) }).ToUrl($"/api/shops/{shop.Id}");
            s.StatusCodeShouldBe(400);
        });

        Messages(result.ShouldBeProblem(400, ProblemTypes.Validation).GetProperty("errors"), "name")
            .ShouldBe(["The shop name can be at most 60 characters long; this one is 61."]);
    }

    [Fact]
    public async Task A_shop_named_with_an_emoji_first_shows_the_whole_emoji_as_its_placeholder_logo()
    {
        var owner = await MemberAsync("artist");
        var shop = await OpenShopAsync(owner, name: "🎨 Studio");

        var page = await SendAsync(s =>
        {
            s.WithRequestHeader("Accept", "text/html");
            s.Get.Url($"/shops/{shop.Slug}");
        });

        var html = await page.ReadAsTextAsync();
        // Razor writes characters outside Basic Latin as references: the whole emoji is one, half of it would be U+FFFD.
        html.ShouldContain("shop-logo-placeholder\" aria-hidden=\"true\">&#x1F3A8;</span>");
        html.ShouldNotContain("&#xFFFD;");
    }

    private static string[] Messages(JsonElement errors, string field) =>
        [.. errors.GetProperty(field).EnumerateArray().Select(message => message.GetString()!)];
}
