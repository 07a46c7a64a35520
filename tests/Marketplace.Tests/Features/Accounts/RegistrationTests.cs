using Marketplace.Features.Accounts;
using Marketplace.Infrastructure.Web;

namespace Marketplace.Tests.Features.Accounts;

public sealed class RegistrationTests(AppFixture fixture) : AccountsTest(fixture)
{
    [Fact]
    public async Task Signing_up_mails_a_confirmation_link_that_confirms_the_account_and_lets_it_sign_in()
    {
        var email = NewEmail("ines");
        var created = await SendAndWaitAsync(s =>
        {
            s.Post.Json(new { email, password = Password, displayName = "Ines" }).ToUrl("/api/auth/register");
            s.StatusCodeShouldBe(201);
        });
        created.ReadAsJson<Register.Response>()!.ConfirmationRequired.ShouldBeTrue();

        var unconfirmed = await SendAsync(s =>
        {
            s.Post.Json(new { email, password = Password }).ToUrl("/api/auth/login");
            s.StatusCodeShouldBe(403);
        });
        unconfirmed.ShouldBeProblem(403, ProblemTypes.EmailNotConfirmed);

        var mail = (await MailsToAsync(email)).ShouldHaveSingleItem();
        mail.Subject.ShouldContain("Confirm");
        var link = new Uri(mail.Links.Single(l => l.Contains("/account/confirm-email", StringComparison.Ordinal)));
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(link.Query);
        await SendAsync(s =>
        {
            s.Post.Json(new { userId = query["userId"].ToString(), code = query["code"].ToString() }).ToUrl("/api/auth/confirm-email");
            s.StatusCodeShouldBe(204);
        });

        var tokens = await LoginAsync(email);
        var me = await AsUserAsync(tokens.AccessToken, s => s.Get.Url("/api/me"));
        var account = me.ReadAsJson<GetMe.Response>()!;
        account.Email.ShouldBe(email);
        account.DisplayName.ShouldBe("Ines");
        account.Roles.ShouldBe([Roles.Buyer]);
    }

    [Fact]
    public async Task Signing_up_with_a_taken_email_answers_the_same_and_tells_the_owner_instead()
    {
        var email = NewEmail("owner");
        await CreateAccountAsync(email);

        var again = await SendAndWaitAsync(s =>
        {
            s.Post.Json(new { email = email.ToUpperInvariant(), password = "another password", displayName = "Impostor" }).ToUrl("/api/auth/register");
            s.StatusCodeShouldBe(201);
        });

        again.ReadAsJson<Register.Response>()!.ConfirmationRequired.ShouldBeTrue();
        (await MailsToAsync(email)).ShouldHaveSingleItem().Subject.ShouldContain("tried to sign up");
        (await QueryAsync(session => Marten.QueryableExtensions.CountAsync(session.Query<UserAccount>()))).ShouldBe(1);
    }

    [Fact]
    public async Task Concurrent_sign_ups_with_one_email_make_exactly_one_account()
    {
        var email = NewEmail("race");
        var attempts = Enumerable.Range(0, 8).Select(i => SendAsync(s =>
        {
            s.Post.Json(new { email, password = Password, displayName = $"Racer {i}" }).ToUrl("/api/auth/register");
            s.StatusCodeShouldBe(201);
        }));

        await Task.WhenAll(attempts);

        var accounts = await QueryAsync(session => Marten.QueryableExtensions.ToListAsync(session.Query<UserAccount>()));
        accounts.ShouldHaveSingleItem().Email.ShouldBe(email);
    }

    [Fact]
    public async Task Invalid_sign_up_input_lists_every_field_and_creates_nothing()
    {
        var result = await SendAsync(s =>
        {
            s.Post.Json(new { email = "nope", password = "short", displayName = " " }).ToUrl("/api/auth/register");
            s.StatusCodeShouldBe(400);
        });

        var errors = result.ShouldBeProblem(400, ProblemTypes.Validation).GetProperty("errors");
        errors.EnumerateObject().Select(e => e.Name).Order().ShouldBe(["displayName", "email", "password"]);
        (await QueryAsync(session => Marten.QueryableExtensions.CountAsync(session.Query<UserAccount>()))).ShouldBe(0);
    }

    [Fact]
    public async Task A_tampered_confirmation_code_is_refused_and_leaves_the_account_unconfirmed()
    {
        var email = NewEmail("tamper");
        await SendAndWaitAsync(s =>
        {
            s.Post.Json(new { email, password = Password, displayName = "Tam" }).ToUrl("/api/auth/register");
            s.StatusCodeShouldBe(201);
        });
        var userId = await WithUsersAsync(async users => (await users.FindByEmailAsync(email))!.Id);

        var refused = await SendAsync(s =>
        {
            s.Post.Json(new { userId, code = "dGFtcGVyZWQ" }).ToUrl("/api/auth/confirm-email");
            s.StatusCodeShouldBe(400);
        });

        refused.ShouldBeProblem(400, ProblemTypes.InvalidToken);
        (await WithUsersAsync(async users => (await users.FindByEmailAsync(email))!.EmailConfirmed)).ShouldBeFalse();
    }
}
