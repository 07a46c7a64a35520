using Marketplace.Features.Accounts;
using Marketplace.Infrastructure.Web;
using Wolverine.Tracking;

namespace Marketplace.Tests.Features.Accounts;

public sealed class AccountSettingsTests(AppFixture fixture) : AccountsTest(fixture)
{
    [Fact]
    public async Task Changing_the_display_name_shows_in_me_and_rejects_blank_names()
    {
        var email = NewEmail("rename");
        await CreateAccountAsync(email);
        var tokens = await LoginAsync(email);

        await AsUserAsync(tokens.AccessToken, s =>
        {
            s.Put.Json(new { displayName = "  Grace H.  " }).ToUrl("/api/account/display-name");
            s.StatusCodeShouldBe(204);
        });
        var blank = await AsUserAsync(tokens.AccessToken, s =>
        {
            s.Put.Json(new { displayName = "\t" }).ToUrl("/api/account/display-name");
            s.StatusCodeShouldBe(400);
        });

        blank.ShouldBeProblem(400, ProblemTypes.Validation);
        var me = await AsUserAsync(tokens.AccessToken, s => s.Get.Url("/api/me"));
        me.ReadAsJson<GetMe.Response>()!.DisplayName.ShouldBe("Grace H.");
    }

    [Fact]
    public async Task Changing_the_password_needs_the_current_one_and_ends_other_sessions()
    {
        var email = NewEmail("rotate");
        await CreateAccountAsync(email);
        var here = await LoginAsync(email);
        var elsewhere = await LoginAsync(email);

        var wrong = await AsUserAsync(here.AccessToken, s =>
        {
            s.Post.Json(new { currentPassword = "not it at all", newPassword = "fresh passphrase one" }).ToUrl("/api/account/password");
            s.StatusCodeShouldBe(400);
        });
        wrong.ShouldBeProblem(400, ProblemTypes.Validation).GetProperty("errors").TryGetProperty("currentPassword", out _).ShouldBeTrue();
        await LoginAsync(email); // nothing changed

        await AsUserAsync(here.AccessToken, s =>
        {
            s.Post.Json(new { currentPassword = Password, newPassword = "fresh passphrase one" }).ToUrl("/api/account/password");
            s.StatusCodeShouldBe(204);
        });

        await SendAsync(s =>
        {
            s.Post.Json(new { refreshToken = elsewhere.RefreshToken }).ToUrl("/api/auth/refresh");
            s.StatusCodeShouldBe(401);
        });
        await LoginAsync(email, "fresh passphrase one");
    }

    [Fact]
    public async Task Deleting_the_account_erases_the_person_keeps_a_tombstone_and_tells_the_other_features()
    {
        var email = NewEmail("leaving");
        var id = await CreateAccountAsync(email, Roles.Seller);
        var tokens = await LoginAsync(email);

        await AsUserAsync(tokens.AccessToken, s =>
        {
            s.Post.Json(new { password = "wrong password" }).ToUrl("/api/account/delete");
            s.StatusCodeShouldBe(400);
        });

        var tracked = await Host.ExecuteAndWaitAsync(() => AsUserAsync(tokens.AccessToken, s =>
        {
            s.Post.Json(new { password = Password }).ToUrl("/api/account/delete");
            s.StatusCodeShouldBe(204);
        }));

        // Once by each reaction (tombstone, shop, forum names, notifications), each in its own transaction.
        var executed = tracked.Executed.MessagesOf<AccountDeleted>().ToList();
        executed.Count.ShouldBe(4);
        executed.ShouldAllBe(deleted => deleted.UserId == id);
        (await QueryAsync(session => Marten.QueryableExtensions.CountAsync(session.Query<RefreshToken>()))).ShouldBe(0);
        var tombstone = await QueryAsync(session => session.LoadAsync<UserAccount>(id));
        tombstone!.DeletedAt.ShouldNotBeNull();
        tombstone.DisplayName.ShouldBe("Deleted user");
        tombstone.Email!.ShouldNotContain("leaving");
        tombstone.PasswordHash.ShouldBeNull();
        tombstone.Roles.ShouldBeEmpty();
        await AsUserAsync(tokens.AccessToken, s =>
        {
            s.Get.Url("/api/me");
            s.StatusCodeShouldBe(401);
        });
        await SendAsync(s =>
        {
            s.Post.Json(new { email, password = Password }).ToUrl("/api/auth/login");
            s.StatusCodeShouldBe(401);
        });

        await SendAndWaitAsync(s =>
        {
            s.Post.Json(new { email, password = Password, displayName = "Back again" }).ToUrl("/api/auth/register");
            s.StatusCodeShouldBe(201);
        });
        (await MailsToAsync(email)).ShouldContain(mail => mail.Subject.Contains("Confirm", StringComparison.Ordinal)); // a new account
    }

    [Fact]
    public async Task A_bearer_token_in_the_query_string_is_ignored_outside_hub_websockets()
    {
        var email = NewEmail("query");
        await CreateAccountAsync(email);
        var tokens = await LoginAsync(email);

        await SendAsync(s =>
        {
            s.Get.Url($"/api/me?access_token={Uri.EscapeDataString(tokens.AccessToken)}");
            s.StatusCodeShouldBe(401);
        });
    }
}
