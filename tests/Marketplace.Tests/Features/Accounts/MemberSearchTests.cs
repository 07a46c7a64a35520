using Marketplace.Features.Accounts;
using Marketplace.Infrastructure.Web;
using Wolverine.Tracking;

namespace Marketplace.Tests.Features.Accounts;

public sealed class MemberSearchTests(AppFixture fixture) : AccountsTest(fixture)
{
    [Fact]
    public async Task Members_are_found_by_the_start_of_their_handle_in_any_case_and_deleted_accounts_never()
    {
        var searcher = await TokenOfNamedAsync("Searching Sue");
        await TokenOfNamedAsync("Nora Newbie");
        await TokenOfNamedAsync("Nora Newbie");
        await TokenOfNamedAsync("Norbert <b>Bold</b>");
        var leaving = NewEmail("leaver");
        await CreateNamedAccountAsync(leaving, "Nora Leaving");
        var leaver = (await LoginAsync(leaving)).AccessToken;
        await Host.ExecuteAndWaitAsync(() => AsUserAsync(leaver, s =>
        {
            s.Post.Json(new { password = Password }).ToUrl("/api/account/delete");
            s.StatusCodeShouldBe(204);
        }), 30_000);

        var found = (await AsUserAsync(searcher, s => s.Get.Url("/api/members?q=nor"))).ReadAsJson<SearchMembers.Member[]>()!;

        found.ShouldBe([new("NoraNewbie", "Nora Newbie"), new("NoraNewbie2", "Nora Newbie"), new("NorbertbBoldb", "Norbert <b>Bold</b>")]);
        (await AsUserAsync(searcher, s => s.Get.Url("/api/members?q=NORANEWBIE2"))).ReadAsJson<SearchMembers.Member[]>()!
            .ShouldHaveSingleItem().Handle.ShouldBe("NoraNewbie2");
        (await AsUserAsync(searcher, s => s.Get.Url("/api/members?q=zzz"))).ReadAsJson<SearchMembers.Member[]>()!.ShouldBeEmpty();
    }

    [Fact]
    public async Task Only_signed_in_members_of_any_role_may_search()
    {
        (await ApiStatusAsync(null, s => s.Get.Url("/api/members?q=ada"))).ShouldBe(401);
        foreach (var role in new[] { Roles.Buyer, Roles.Seller, Roles.Moderator, Roles.Admin })
        {
            var email = NewEmail(role);
            await CreateAccountAsync(email, role);
            (await ApiStatusAsync((await LoginAsync(email)).AccessToken, s => s.Get.Url("/api/members?q=ada"))).ShouldBe(200, role);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("a%00b")]
    [InlineData("a%1Fb")]
    [InlineData("a%25")]
    [InlineData("%D0%B0da")] // Cyrillic а
    [InlineData("ada%E2%80%8B")] // zero-width space
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")] // 31 characters
    public async Task A_search_for_what_no_handle_can_hold_is_a_validation_problem(string q)
    {
        var token = await TokenOfNamedAsync("Hostile Searcher");

        var refused = await AsUserAsync(token, s =>
        {
            s.Get.Url($"/api/members?q={q}");
            s.StatusCodeShouldBe(400);
        });

        refused.Context.Response.ContentType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task The_sixty_first_search_in_a_minute_from_one_address_is_a_429_with_retry_after()
    {
        var token = await TokenOfNamedAsync("Eager Typist");
        for (var i = 0; i < 60; i++)
        {
            await AsUserAsync(token, s => s.Get.Url("/api/members?q=ea"));
        }

        var limited = await AsUserAsync(token, s =>
        {
            s.Get.Url("/api/members?q=eag");
            s.StatusCodeShouldBe(429);
        });

        limited.ShouldBeProblem(429, ProblemTypes.TooManyRequests);
        limited.Context.Response.Headers.RetryAfter.ToString().ShouldNotBeEmpty();
    }

    [Fact]
    public async Task A_members_page_shows_their_name_and_handle_to_anyone_and_an_unknown_or_hostile_handle_is_not_found()
    {
        await TokenOfNamedAsync("Paige Person");

        var page = await SendAsync(s => s.Get.Url("/members/paigeperson"));
        var html = await page.ReadAsTextAsync();
        html.ShouldContain("<h1>Paige Person</h1>");
        html.ShouldContain("@PaigePerson");
        (await PageStatusAsync(null, "/members/nobody_at_all")).ShouldBe(404);
        (await PageStatusAsync(null, "/members/%01%1F")).ShouldBe(400); // refused before routing
        (await PageStatusAsync(null, "/members/%D0%B0paigeperson")).ShouldBe(404); // a Cyrillic а in front
        (await PageStatusAsync(null, "/members/" + new string('a', 5000))).ShouldBe(404);
    }
}
