using Marketplace.Infrastructure.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace Marketplace.Tests.Features.Accounts;

public sealed class PasswordResetTests(AppFixture fixture) : AccountsTest(fixture)
{
    [Fact]
    public async Task A_reset_link_sets_a_new_password_ends_old_sessions_and_works_only_once()
    {
        var email = NewEmail("forgetful");
        await CreateAccountAsync(email);
        var oldSession = await LoginAsync(email);

        await SendAndWaitAsync(s =>
        {
            s.Post.Json(new { email }).ToUrl("/api/auth/forgot-password");
            s.StatusCodeShouldBe(202);
        });
        var (linkEmail, code) = ResetLink((await MailsToAsync(email)).ShouldHaveSingleItem());
        linkEmail.ShouldBe(email);

        await SendAsync(s =>
        {
            s.Post.Json(new { email, token = code, newPassword = "a brand new passphrase" }).ToUrl("/api/auth/reset-password");
            s.StatusCodeShouldBe(204);
        });

        await LoginAsync(email, "a brand new passphrase");
        await SendAsync(s =>
        {
            s.Post.Json(new { email, password = Password }).ToUrl("/api/auth/login");
            s.StatusCodeShouldBe(401);
        });
        await SendAsync(s =>
        {
            s.Post.Json(new { refreshToken = oldSession.RefreshToken }).ToUrl("/api/auth/refresh");
            s.StatusCodeShouldBe(401);
        });
        var reused = await SendAsync(s =>
        {
            s.Post.Json(new { email, token = code, newPassword = "yet another passphrase" }).ToUrl("/api/auth/reset-password");
            s.StatusCodeShouldBe(400);
        });
        reused.ShouldBeProblem(400, ProblemTypes.InvalidToken);
    }

    [Fact]
    public async Task Asking_for_a_reset_of_an_unknown_email_answers_the_same_and_mails_nobody()
    {
        var ghost = NewEmail("ghost");

        await SendAndWaitAsync(s =>
        {
            s.Post.Json(new { email = ghost }).ToUrl("/api/auth/forgot-password");
            s.StatusCodeShouldBe(202);
        });

        (await MailsToAsync(ghost)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_tampered_reset_token_or_an_unknown_email_is_refused_alike_and_changes_nothing()
    {
        var email = NewEmail("target");
        await CreateAccountAsync(email);

        var tampered = await SendAsync(s =>
        {
            s.Post.Json(new { email, token = "bm90LWEtcmVhbC10b2tlbg", newPassword = "attacker passphrase" }).ToUrl("/api/auth/reset-password");
            s.StatusCodeShouldBe(400);
        });
        var unknown = await SendAsync(s =>
        {
            s.Post.Json(new { email = NewEmail("nobody"), token = "bm90LWEtcmVhbC10b2tlbg", newPassword = "attacker passphrase" }).ToUrl("/api/auth/reset-password");
            s.StatusCodeShouldBe(400);
        });

        tampered.ShouldBeProblem(400, ProblemTypes.InvalidToken).GetProperty("title").GetString()
            .ShouldBe(unknown.ShouldBeProblem(400, ProblemTypes.InvalidToken).GetProperty("title").GetString());
        await LoginAsync(email); // the old password still works
    }

    [Fact]
    public async Task An_expired_reset_link_is_refused()
    {
        var email = NewEmail("slow");
        await CreateAccountAsync(email);
        await SendAndWaitAsync(s =>
        {
            s.Post.Json(new { email }).ToUrl("/api/auth/forgot-password");
            s.StatusCodeShouldBe(202);
        });
        var (_, code) = ResetLink((await MailsToAsync(email)).ShouldHaveSingleItem());

        Set<DataProtectionTokenProviderOptions, TimeSpan>(o => o.TokenLifespan, TimeSpan.Zero); // the link is now older than its lifespan

        var expired = await SendAsync(s =>
        {
            s.Post.Json(new { email, token = code, newPassword = "too late passphrase" }).ToUrl("/api/auth/reset-password");
            s.StatusCodeShouldBe(400);
        });
        expired.ShouldBeProblem(400, ProblemTypes.InvalidToken);
    }

    private static (string Email, string Code) ResetLink(Mail mail)
    {
        var link = new Uri(mail.Links.Single(l => l.Contains("/account/reset-password", StringComparison.Ordinal)));
        var query = QueryHelpers.ParseQuery(link.Query);
        return (query["email"].ToString(), query["code"].ToString());
    }
}
