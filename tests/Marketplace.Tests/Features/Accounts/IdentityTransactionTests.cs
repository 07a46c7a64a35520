using Marketplace.Features.Accounts;
using Marten;
using Wolverine.Tracking;

namespace Marketplace.Tests.Features.Accounts;

/// <summary>
/// Handlers that write through <c>UserManager</c> (whose store commits the session it was built with) must commit the
/// account and its message in one transaction: Wolverine's (docs/architecture.md, "The transactional edge"). While
/// <see cref="EnvelopeHold"/> holds the message back, the account's change must stay invisible too.
/// </summary>
public sealed class IdentityTransactionTests(AppFixture fixture) : AccountsTest(fixture)
{
    [Fact]
    public async Task A_new_account_is_not_visible_until_its_confirmation_message_commits_with_it()
    {
        var email = NewEmail("atomic");
        await Host.ExecuteAndWaitAsync(async () =>
        {
            Task registering;
            await using (var hold = await EnvelopeHold.TakeAsync(Host))
            {
                registering = SendAsync(s =>
                {
                    s.Post.Json(new { email, password = Password, displayName = "Ada" }).ToUrl("/api/auth/register");
                    s.StatusCodeShouldBe(201);
                });
                await hold.MessageWaitsAsync();
                (await AccountsWithAsync(email)).ShouldBe(0); // written, not committed: it waits for its message
            }

            await registering;
        }, 60_000);

        (await AccountsWithAsync(email)).ShouldBe(1);
        (await MailsToAsync(email)).ShouldHaveSingleItem().Subject.ShouldContain("Confirm");
    }

    [Fact]
    public async Task A_lockout_is_not_visible_until_its_mail_commits_with_it()
    {
        var email = NewEmail("lockout");
        await CreateAccountAsync(email);
        for (var i = 0; i < 4; i++)
        {
            await SendAsync(s =>
            {
                s.Post.Json(new { email, password = $"guess number {i}" }).ToUrl("/api/auth/login");
                s.StatusCodeShouldBe(401);
            });
        }

        await Host.ExecuteAndWaitAsync(async () =>
        {
            Task failing;
            await using (var hold = await EnvelopeHold.TakeAsync(Host))
            {
                failing = SendAsync(s =>
                {
                    s.Post.Json(new { email, password = "the fifth guess" }).ToUrl("/api/auth/login");
                    s.StatusCodeShouldBe(401);
                });
                await hold.MessageWaitsAsync();
                (await LockoutEndAsync(email)).ShouldBeNull(); // counted and locked, not committed: it waits for its mail
            }

            await failing;
        }, 60_000);

        (await LockoutEndAsync(email)).ShouldNotBeNull();
        (await MailsToAsync(email)).ShouldContain(mail => mail.Subject.Contains("locked", StringComparison.OrdinalIgnoreCase));
    }

    private Task<int> AccountsWithAsync(string email) =>
        QueryAsync(session => session.Query<UserAccount>().CountAsync(u => u.NormalizedEmail == email.ToUpperInvariant()));

    private Task<DateTimeOffset?> LockoutEndAsync(string email) =>
        QueryAsync(async session => (await session.Query<UserAccount>().SingleAsync(u => u.NormalizedEmail == email.ToUpperInvariant())).LockoutEnd);
}
