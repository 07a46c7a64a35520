using System.Text.Json;
using Alba;
using Marketplace.Features.Forum;
using Marketplace.Features.Shops;
using Marketplace.Infrastructure.Web;
using Marketplace.Tests.Features.Forum;

namespace Marketplace.Tests.Security;

/// <summary>
/// NUL and other control characters in request text: a 400 validation problem naming the field, before anything is
/// stored or any message is sent (they used to reach PostgreSQL and answer 500, or dead-letter a message).
/// </summary>
public sealed class ControlCharacterTests(AppFixture fixture) : ForumTest(fixture)
{
    [Theory]
    [InlineData("title", "Exporting\0 fonts", "How do I export?")]
    [InlineData("body", "Exporting fonts", "How do I\0 export?")]
    [InlineData("title", "Exporting\u0085fonts", "How do I export?")]
    [InlineData("body", "Exporting fonts", "Bell \u0007 ringing")]
    [InlineData("body", "Exporting fonts", "Not a character: \uFFFF")]
    [InlineData("title", "Exporting\tfonts", "Tabs break single-line text")]
    public async Task A_thread_with_a_control_character_is_refused_naming_the_field_and_nothing_is_stored(string field, string title, string body)
    {
        var member = await MemberTokenAsync("member");
        var category = await CategoryAsync();

        var refused = await AsUserAsync(member, s =>
        {
            s.Post.Json(new { title, body }).ToUrl($"/api/forum/categories/{category}/threads");
            s.StatusCodeShouldBe(400);
        });

        ErrorsOf(refused).GetProperty(field)[0].GetString()!.ShouldContain("control character");
        (await QueryAsync(q => Marten.QueryableExtensions.CountAsync(q.Query<ForumThread>()))).ShouldBe(0);
    }

    [Fact]
    public async Task A_body_with_line_breaks_and_tabs_is_accepted()
    {
        var member = await MemberTokenAsync("member");

        var started = await StartThreadAsync(member, await CategoryAsync(), body: "Line one\r\n\tindented line two\nline three");

        (await QueryAsync(q => q.LoadAsync<ForumPost>(started.PostId)))!.Body.ShouldContain("\tindented");
    }

    [Fact]
    public async Task A_reply_with_a_nul_is_refused_naming_the_body()
    {
        var member = await MemberTokenAsync("member");
        var started = await StartThreadAsync(member, await CategoryAsync());

        var refused = await AsUserAsync(member, s =>
        {
            s.Post.Json(new { body = "A reply\0" }).ToUrl($"/api/forum/threads/{started.ThreadId}/posts");
            s.StatusCodeShouldBe(400);
        });

        ErrorsOf(refused).GetProperty("body")[0].GetString()!.ShouldContain("U+0000");
        (await QueryAsync(q => Marten.QueryableExtensions.CountAsync(q.Query<ForumPost>()))).ShouldBe(1);
    }

    [Fact]
    public async Task A_shop_description_with_a_nul_is_refused_when_opening_and_when_editing()
    {
        var owner = await MemberTokenAsync("owner");
        var opening = await AsUserAsync(owner, s =>
        {
            s.Post.Json(new { name = "Glyph Foundry", slug = $"glyph-{Guid.NewGuid():N}"[..20], description = "Fonts\0" }).ToUrl("/api/shops");
            s.StatusCodeShouldBe(400);
        });
        ErrorsOf(opening).GetProperty("description")[0].GetString()!.ShouldContain("control character");
        (await QueryAsync(q => Marten.QueryableExtensions.CountAsync(q.Query<Shop>()))).ShouldBe(0);

        var opened = (await AsUserAsync(owner, s =>
        {
            s.Post.Json(new { name = "Glyph Foundry", slug = $"glyph-{Guid.NewGuid():N}"[..20], description = "Fonts" }).ToUrl("/api/shops");
            s.StatusCodeShouldBe(201);
        })).ReadAsJson<ShopView>()!;
        var editing = await AsUserAsync(owner, s =>
        {
            s.Put.Json(new { name = "Glyph Foundry", description = "Fonts\0 for all" }).ToUrl($"/api/shops/{opened.Id}");
            s.StatusCodeShouldBe(400);
        });
        ErrorsOf(editing).GetProperty("description")[0].GetString()!.ShouldContain("control character");
        (await QueryAsync(q => q.LoadAsync<Shop>(opened.Id)))!.Description.ShouldBe("Fonts");
    }

    [Theory]
    [InlineData("/api/forum/search?q=fonts%00export", "q")]
    [InlineData("/api/forum/search?q=fonts%C2%85", "q")]
    [InlineData("/api/shops/glyph%01foundry", "slug")]
    public async Task A_control_character_in_the_query_string_or_the_path_is_a_400_naming_the_parameter(string url, string field)
    {
        var refused = await SendAsync(s =>
        {
            s.Get.Url(url);
            s.StatusCodeShouldBe(400);
        });

        ErrorsOf(refused).GetProperty(field)[0].GetString()!.ShouldContain("control character");
    }

    [Fact]
    public async Task A_forgot_password_email_with_a_nul_is_refused_and_no_message_is_sent()
    {
        var refused = await SendAsync(s =>
        {
            s.Post.Json(new { email = "someone\0@example.com" }).ToUrl("/api/auth/forgot-password");
            s.StatusCodeShouldBe(400);
        });

        ErrorsOf(refused).GetProperty("email")[0].GetString()!.ShouldContain("control character");
        await MessagesSettledAsync();
        (await MailsToAsync("someone\0@example.com".Replace("\0", "", StringComparison.Ordinal))).ShouldBeEmpty();
    }

    [Fact]
    public async Task Text_postgresql_cannot_store_is_a_400_problem_not_a_500()
    {
        var refused = await SendAsync(s =>
        {
            s.Post.Text("nul \0 inside").ToUrl(FaultyRoutes.StoreText);
            s.StatusCodeShouldBe(400);
        });

        var problem = refused.ShouldBeProblem(400, ProblemTypes.BadRequest);
        problem.GetProperty("title").GetString().ShouldBe("The request holds text that cannot be stored.");
    }

    private static JsonElement ErrorsOf(IScenarioResult result) => result.ShouldBeProblem(400, ProblemTypes.Validation).GetProperty("errors");
}
