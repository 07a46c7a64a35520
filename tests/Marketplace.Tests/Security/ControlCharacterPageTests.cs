using Alba;
using Marketplace.Features.Forum;
using Marketplace.Tests.Features.Forum;

namespace Marketplace.Tests.Security;

/// <summary>The pages' forms and query strings get the same character rules as the API: the field's error, nothing stored.</summary>
public sealed class ControlCharacterPageTests(AppFixture fixture) : ForumTest(fixture)
{
    [Fact]
    public async Task The_new_thread_form_shows_the_control_character_error_on_the_title_and_starts_nothing()
    {
        var (member, slug) = await CategoryPageAsync();

        var page = await PostFormAsync(member, $"/forum/{slug}", new() { ["Input.Title"] = "Fonts\u0001 again", ["Input.Body"] = "Body\n\twith a tab." }, 200);

        var html = System.Net.WebUtility.HtmlDecode(await page.ReadAsTextAsync());
        html.ShouldContain("Remove the invisible control character U+0001");
        (await QueryAsync(q => Marten.QueryableExtensions.CountAsync(q.Query<ForumThread>()))).ShouldBe(0);
    }

    [Fact]
    public async Task A_form_post_with_a_nul_is_the_400_page_and_starts_nothing()
    {
        // ASP.NET Core refuses to read a url-encoded form holding %00; the error page must still say 400, not 500.
        var (member, slug) = await CategoryPageAsync();

        var page = await PostFormAsync(member, $"/forum/{slug}", new() { ["Input.Title"] = "Fonts\0 again", ["Input.Body"] = "Body" }, 400);

        (await page.ReadAsTextAsync()).ShouldContain("That did not work");
        (await QueryAsync(q => Marten.QueryableExtensions.CountAsync(q.Query<ForumThread>()))).ShouldBe(0);
    }

    [Fact]
    public async Task The_search_page_answers_a_nul_in_the_query_with_the_400_page()
    {
        await SendAsync(s =>
        {
            s.WithRequestHeader("Accept", "text/html");
            s.Get.Url("/forum/search?q=fonts%00");
            s.StatusCodeShouldBe(400);
            s.ContentTypeShouldBe("text/html; charset=utf-8");
        });
    }

    private async Task<(string Member, string Slug)> CategoryPageAsync()
    {
        var member = await MemberTokenAsync("member");
        var category = await CategoryAsync();
        var slug = (await SendAsync(s => s.Get.Url("/api/forum/categories"))).ReadAsJson<Categories.View[]>()!.Single(c => c.Id == category).Slug;
        return (member, slug);
    }
}
