using Marketplace.Features.Accounts;
using Marten;
using Marketplace.Tests.Features.Forum;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests.Security;

/// <summary>An open hub connection ends with the sign-in it was opened with, whatever ended it and wherever.</summary>
public sealed class HubRevocationTests(AppFixture fixture) : ForumTest(fixture)
{
    private static readonly TimeSpan CloseWithin = HubSessions.RevalidationInterval * 5;

    private async Task<(string Email, string Token)> SignedInAsync(string who, params string[] roles)
    {
        var email = NewEmail(who);
        await CreateAccountAsync(email, roles);
        return (email, (await LoginAsync(email)).AccessToken);
    }

    [Fact]
    public async Task Signing_out_everywhere_closes_the_member_live_connection_and_typing_no_longer_goes_through()
    {
        var (_, token) = await SignedInAsync("typist");
        var thread = await StartThreadAsync(await MemberTokenAsync("host"), await CategoryAsync());
        await using var hub = await HubClient.ConnectAsync(Host, token);
        await hub.JoinAsync(thread.ThreadId, afterSeq: 0);

        await AsUserAsync(token, s =>
        {
            s.Post.Url("/api/account/sign-out-everywhere");
            s.StatusCodeShouldBe(204);
        });

        await hub.Closed.WaitAsync(CloseWithin);
        await Should.ThrowAsync<Exception>(() => hub.TypingAsync(thread.ThreadId));
    }

    [Fact]
    public async Task A_role_change_closes_the_connection_opened_with_the_old_roles()
    {
        var (email, token) = await SignedInAsync("moderator", Roles.Moderator);
        var admin = await MemberTokenAsync("admin", Roles.Admin);
        var userId = await WithUsersAsync(async users => (await users.FindByEmailAsync(email))!.Id);
        await using var hub = await HubClient.ConnectAsync(Host, token);

        await AsUserAsync(admin, s =>
        {
            s.Delete.Url($"/api/admin/users/{userId}/moderator");
            s.StatusCodeShouldBe(204);
        });

        await hub.Closed.WaitAsync(CloseWithin);
    }

    [Fact]
    public async Task A_sign_in_ended_on_another_node_closes_the_connection_here_without_waiting_for_this_node_cache()
    {
        var (email, token) = await SignedInAsync("elsewhere");
        await using var hub = await HubClient.ConnectAsync(Host, token);
        var sessions = Host.Services.GetRequiredService<HubSessions>();

        // As another node does it: the stamp changes in PostgreSQL, and this node's cache still holds the old one.
        await using (var session = Host.Services.GetRequiredService<IDocumentStore>().LightweightSession())
        {
            var user = await session.Query<UserAccount>().Where(u => u.Email == email).SingleAsync();
            user.SecurityStamp = Guid.NewGuid().ToString("N");
            session.Update(user);
            await session.SaveChangesAsync();
        }

        await hub.Closed.WaitAsync(CloseWithin);
        (await sessions.RevalidateAsync(Host.Services.GetRequiredService<IDocumentStore>().QuerySession(), CancellationToken.None)).ShouldBe(0);
    }

    [Fact]
    public async Task Connections_of_current_sign_ins_and_of_guests_stay_open()
    {
        var (_, token) = await SignedInAsync("steady");
        var thread = await StartThreadAsync(await MemberTokenAsync("host"), await CategoryAsync());
        await using var member = await HubClient.ConnectAsync(Host, token);
        await using var guest = await HubClient.ConnectAsync(Host);
        await using var session = Host.Services.GetRequiredService<IDocumentStore>().QuerySession();

        (await Host.Services.GetRequiredService<HubSessions>().RevalidateAsync(session, CancellationToken.None)).ShouldBe(0);

        await member.TypingAsync(thread.ThreadId);
        await guest.RoundTripAsync();
        member.Closed.IsCompleted.ShouldBeFalse();
        guest.Closed.IsCompleted.ShouldBeFalse();
    }

    [Fact]
    public async Task A_token_whose_sign_in_already_ended_cannot_open_a_connection()
    {
        var (_, token) = await SignedInAsync("late");
        await AsUserAsync(token, s =>
        {
            s.Post.Url("/api/account/sign-out-everywhere");
            s.StatusCodeShouldBe(204);
        });

        // The request's own stamp check already treats the token as anonymous: the connection opens as a guest's.
        await using var hub = await HubClient.ConnectAsync(Host, token);
        var refused = await Should.ThrowAsync<HubException>(() => hub.TypingAsync(Guid.NewGuid()));
        refused.Message.ShouldContain("Sign in");
    }
}
