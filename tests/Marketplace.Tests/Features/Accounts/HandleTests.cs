using Marketplace.Features.Accounts;
using Marketplace.Infrastructure.Web;
using Marten;

namespace Marketplace.Tests.Features.Accounts;

public sealed class HandleTests(AppFixture fixture) : AccountsTest(fixture)
{
    [Fact]
    public async Task Concurrent_sign_ups_with_one_display_name_all_succeed_with_different_handles()
    {
        var emails = Enumerable.Range(0, 8).Select(i => NewEmail($"twin{i}")).ToList();

        var statuses = await Task.WhenAll(emails.Select(async email => (await SendAsync(s =>
        {
            s.Post.Json(new { email, password = Password, displayName = "Nora Newbie" }).ToUrl("/api/auth/register");
            s.IgnoreStatusCode();
        })).Context.Response.StatusCode));

        statuses.ShouldAllBe(status => status == 201);
        var handles = await QueryAsync(session => session.Query<UserAccount>().Select(u => u.Handle!).ToListAsync());
        handles.Order(StringComparer.Ordinal).ShouldBe(["NoraNewbie", .. Enumerable.Range(2, 7).Select(n => $"NoraNewbie{n}")]);
    }

    [Fact]
    public async Task A_member_changes_their_handle_and_another_cannot_take_it_in_another_case()
    {
        var ada = await TokenOfNamedAsync("Ada Lovelace");
        var bob = await TokenOfNamedAsync("Bob Builder");
        (await MeAsync(ada)).Handle.ShouldBe("AdaLovelace");

        await AsUserAsync(ada, s =>
        {
            s.Put.Json(new { handle = "ada_l" }).ToUrl("/api/account/handle");
            s.StatusCodeShouldBe(204);
        });
        var taken = await AsUserAsync(bob, s =>
        {
            s.Put.Json(new { handle = "ADA_L" }).ToUrl("/api/account/handle");
            s.StatusCodeShouldBe(400);
        });

        taken.ShouldBeProblem(400, ProblemTypes.Validation).GetProperty("errors").GetProperty("handle")[0].GetString()
            .ShouldBe("Another member already uses this handle. Choose another.");
        (await MeAsync(ada)).Handle.ShouldBe("ada_l");
        (await MeAsync(bob)).Handle.ShouldBe("BobBuilder");
        await AsUserAsync(ada, s =>
        {
            s.Put.Json(new { handle = "Ada_L" }).ToUrl("/api/account/handle");
            s.StatusCodeShouldBe(204);
        });
        (await MeAsync(ada)).Handle.ShouldBe("Ada_L");
    }

    [Fact]
    public async Task Two_members_claiming_one_handle_at_once_end_with_one_owner()
    {
        var tokens = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => TokenOfNamedAsync($"Claimant {i}")));

        var statuses = await Task.WhenAll(tokens.Select(async token => (await AsUserAsync(token, s =>
        {
            s.Put.Json(new { handle = "glazemaster" }).ToUrl("/api/account/handle");
            s.IgnoreStatusCode();
        })).Context.Response.StatusCode));

        statuses.Count(status => status == 204).ShouldBe(1);
        statuses.Count(status => status == 400).ShouldBe(3);
        (await QueryAsync(session => session.Query<UserAccount>().CountAsync(u => u.NormalizedHandle == "glazemaster"))).ShouldBe(1);
    }

    [Theory]
    [InlineData("ada\u0000lovelace", "only the letters")]
    [InlineData("ada\u001Flovelace", "only the letters")]
    [InlineData("\u0430da_lovelace", "only the letters")] // a Cyrillic а that looks Latin
    [InlineData("ada\u200Blovelace", "only the letters")] // zero-width space
    [InlineData("ada lovelace", "only the letters")]
    [InlineData("ab", "3 to 30")]
    [InlineData("Moderator_Team", "reserved")]
    [InlineData("", "Enter a handle")]
    public async Task A_hostile_or_reserved_handle_is_refused_in_words_and_changes_nothing(string handle, string problem)
    {
        var token = await TokenOfNamedAsync("Hostile Tester");

        var refused = await AsUserAsync(token, s =>
        {
            s.Put.Json(new { handle }).ToUrl("/api/account/handle");
            s.StatusCodeShouldBe(400);
        });

        refused.Context.Response.ContentType.ShouldBe("application/problem+json");
        var body = await refused.ReadAsTextAsync();
        (body.Contains(problem, StringComparison.Ordinal) || body.Contains("control character", StringComparison.Ordinal)).ShouldBeTrue(body);
        (await MeAsync(token)).Handle.ShouldBe("HostileTester");
    }

    [Fact]
    public async Task A_very_long_handle_malformed_json_the_wrong_content_type_and_no_sign_in_are_refused()
    {
        var token = await TokenOfNamedAsync("Long Tester");

        await AsUserAsync(token, s =>
        {
            s.Put.Json(new { handle = new string('a', 100_000) }).ToUrl("/api/account/handle");
            s.StatusCodeShouldBe(400);
        });
        await AsUserAsync(token, s =>
        {
            s.Put.Text("{\"handle\": ").ToUrl("/api/account/handle");
            s.WithRequestHeader("Content-Type", "application/json");
            s.StatusCodeShouldBe(400);
        });
        await AsUserAsync(token, s =>
        {
            s.Put.Text("handle=ada").ToUrl("/api/account/handle");
            s.StatusCodeShouldBe(415);
        });
        (await ApiStatusAsync(null, s => s.Put.Json(new { handle = "nobody_here" }).ToUrl("/api/account/handle"))).ShouldBe(401);
        (await MeAsync(token)).Handle.ShouldBe("LongTester");
    }

    [Fact]
    public async Task Accounts_made_before_handles_get_one_at_start_up_and_a_second_run_changes_nothing()
    {
        var taken = await TokenOfNamedAsync("Old Timer");
        var store = Host.DocumentStore();
        var oldIds = new[] { Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7() };
        await using (var session = store.LightweightSession())
        {
            session.Store(Old(oldIds[0], "Old Timer"), Old(oldIds[1], "Zoë Ångström"), Old(oldIds[2], "李小龙"));
            await session.SaveChangesAsync();
        }

        (await HandleBackfill.RunAsync(store, CancellationToken.None)).ShouldBe(3);
        (await HandleBackfill.RunAsync(store, CancellationToken.None)).ShouldBe(0);

        await using var query = store.QuerySession();
        var handles = (await query.LoadManyAsync<UserAccount>(oldIds)).ToDictionary(a => a.Id, a => a.Handle);
        handles[oldIds[0]].ShouldBe("OldTimer2");
        handles[oldIds[1]].ShouldBe("ZoeAngstrom");
        handles[oldIds[2]].ShouldBe(MemberHandles.Fallback);
        (await MeAsync(taken)).Handle.ShouldBe("OldTimer");
    }

    private static UserAccount Old(Guid id, string displayName) => new()
    {
        Id = id, Email = $"{id:N}@example.com", UserName = $"{id:N}@example.com", DisplayName = displayName,
        NormalizedEmail = $"{id:N}@EXAMPLE.COM", CreatedAt = DateTimeOffset.UtcNow.AddYears(-1), Roles = [Roles.Buyer],
    };

    private async Task<GetMe.Response> MeAsync(string token) =>
        (await AsUserAsync(token, s => s.Get.Url("/api/me"))).ReadAsJson<GetMe.Response>()!;
}
