using Marketplace.Features.Accounts;
using Marketplace.Features.Forum;
using Microsoft.AspNetCore.SignalR;

namespace Marketplace.Tests.Features.Forum;

public sealed class ForumHubTests(AppFixture fixture) : ForumTest(fixture)
{
    [Fact]
    public async Task Every_joined_client_gets_a_new_post_exactly_once()
    {
        var member = await MemberTokenAsync("speaker");
        var started = await StartThreadAsync(member, await CategoryAsync());
        await using var reader = await HubClient.ConnectAsync(Host);
        await using var other = await HubClient.ConnectAsync(Host, await MemberTokenAsync("listener"));
        await reader.JoinAsync(started.ThreadId, afterSeq: 1);
        await other.JoinAsync(started.ThreadId, afterSeq: 1);

        var reply = await ReplyAndWaitAsync(member, started.ThreadId, "Live reply");
        // Every broadcast of the reply has been written to the connections; a round trip on each reads what was written before it.
        await reader.RoundTripAsync();
        await other.RoundTripAsync();

        // Only the reply is asserted: the opening post's own broadcast may still be in flight when the clients join.
        reader.Posts.Count(p => p.Seq == reply.Seq).ShouldBe(1);
        other.Posts.Where(p => p.Seq == reply.Seq).ShouldHaveSingleItem().Body.ShouldBe("Live reply");
    }

    [Fact]
    public async Task A_client_that_missed_twenty_replies_gets_exactly_those_in_order_when_it_rejoins()
    {
        var member = await MemberTokenAsync("busy");
        var started = await StartThreadAsync(member, await CategoryAsync());
        await using var stayed = await HubClient.ConnectAsync(Host);
        await stayed.JoinAsync(started.ThreadId, afterSeq: 1);
        for (var i = 1; i <= 20; i++)
        {
            await ReplyAsync(member, started.ThreadId, $"While you were away {i}");
        }

        // The twenty went out live while the returning client was away: a reader who stayed has them all.
        await HubClient.EventuallyAsync(() => stayed.Posts.Any(p => p.Seq == 21));
        await using var returning = await HubClient.ConnectAsync(Host);
        await returning.JoinAsync(started.ThreadId, afterSeq: 1);
        await HubClient.EventuallyAsync(() => returning.Posts.Count >= 20);

        returning.Posts.Select(p => p.Seq).ShouldBe(Enumerable.Range(2, 20).Select(i => (long)i));
    }

    [Fact]
    public async Task Hidden_posts_are_replayed_to_moderators_but_not_to_members()
    {
        var member = await MemberTokenAsync("author");
        var started = await StartThreadAsync(member, await CategoryAsync());
        var hidden = await ReplyAsync(member, started.ThreadId, "Something rude");
        var stored = await QueryAsync(session => session.LoadAsync<ForumPost>(hidden.PostId));
        stored!.Hidden = true;
        await StoreAsync(stored);

        await using var asMember = await HubClient.ConnectAsync(Host, member);
        await using var asModerator = await HubClient.ConnectAsync(Host, await MemberTokenAsync("mod", Roles.Moderator));
        await asMember.JoinAsync(started.ThreadId, 0);
        await asModerator.JoinAsync(started.ThreadId, 0);

        await HubClient.EventuallyAsync(() => asModerator.Posts.Any(p => p.Seq == 2));

        // A live broadcast of a post may overlap the replay; clients keep the first of each sequence number.
        asMember.Posts.Select(p => p.Seq).Distinct().ShouldBe([1L]);
        asModerator.Posts.Select(p => p.Seq).Distinct().ShouldBe([1L, 2]);
    }

    [Fact]
    public async Task Typing_reaches_the_other_readers_and_a_locked_thread_refuses_it()
    {
        var writer = await MemberTokenAsync("writer");
        var moderator = await MemberTokenAsync("mod", Roles.Moderator);
        var started = await StartThreadAsync(writer, await CategoryAsync());
        await using var typist = await HubClient.ConnectAsync(Host, writer);
        await using var watcher = await HubClient.ConnectAsync(Host);
        await typist.JoinAsync(started.ThreadId, 1);
        await watcher.JoinAsync(started.ThreadId, 1);

        await typist.TypingAsync(started.ThreadId);
        await HubClient.EventuallyAsync(() => !watcher.TypingSignals.IsEmpty);
        watcher.TypingSignals.ShouldHaveSingleItem().GetProperty("member").GetProperty("displayName").GetString().ShouldBe("Test Person");
        typist.TypingSignals.ShouldBeEmpty();

        await AsUserAsync(moderator, s =>
        {
            s.Post.Url($"/api/moderation/threads/{started.ThreadId}/lock");
            s.StatusCodeShouldBe(204);
        });
        await HubClient.EventuallyAsync(() => !watcher.LockSignals.IsEmpty);
        watcher.LockSignals.ShouldHaveSingleItem().GetProperty("locked").GetBoolean().ShouldBeTrue();
        await Should.ThrowAsync<HubException>(() => typist.TypingAsync(started.ThreadId));
    }

    [Fact]
    public async Task Anonymous_readers_cannot_type()
    {
        var started = await StartThreadAsync(await MemberTokenAsync("op"), await CategoryAsync());
        await using var visitor = await HubClient.ConnectAsync(Host);
        await visitor.JoinAsync(started.ThreadId, 1);

        await Should.ThrowAsync<HubException>(() => visitor.TypingAsync(started.ThreadId));
    }

    [Fact]
    public async Task Typing_in_a_read_only_category_is_for_moderators_only()
    {
        var moderator = await MemberTokenAsync("announcer", Roles.Moderator);
        var member = await MemberTokenAsync("member");
        var started = await StartThreadAsync(moderator, await CategoryAsync(readOnly: true));
        await using var memberHub = await HubClient.ConnectAsync(Host, member);
        await using var moderatorHub = await HubClient.ConnectAsync(Host, moderator);
        await using var watcher = await HubClient.ConnectAsync(Host);
        await watcher.JoinAsync(started.ThreadId, 1);

        await Should.ThrowAsync<HubException>(() => memberHub.TypingAsync(started.ThreadId));
        await moderatorHub.TypingAsync(started.ThreadId);

        await HubClient.EventuallyAsync(() => !watcher.TypingSignals.IsEmpty);
        watcher.TypingSignals.ShouldHaveSingleItem().GetProperty("member").GetProperty("displayName").GetString().ShouldBe("Test Person");
    }

    [Fact]
    public async Task A_member_typing_from_several_connections_at_once_is_one_signal_every_two_seconds()
    {
        var member = await MemberTokenAsync("many-tabs");
        var started = await StartThreadAsync(member, await CategoryAsync());
        var tabs = new List<HubClient>();
        for (var i = 0; i < 5; i++)
        {
            tabs.Add(await HubClient.ConnectAsync(Host, member));
        }

        await using var watcher = await HubClient.ConnectAsync(Host);
        await watcher.JoinAsync(started.ThreadId, 1);
        try
        {
            await Task.WhenAll(tabs.Select(tab => tab.TypingAsync(started.ThreadId)));
            await watcher.RoundTripAsync();

            watcher.TypingSignals.Count.ShouldBe(1);
        }
        finally
        {
            foreach (var tab in tabs)
            {
                await tab.DisposeAsync();
            }
        }
    }
}
