using Alba;
using Wolverine.Tracking;

namespace Marketplace.Tests.Features.Forum;

/// <summary>
/// Two nodes behind one database and one Redis. Replies are posted through <see cref="IntegrationTest.Host"/>'s API;
/// whichever node's handler broadcasts them, the backplane carries them to readers connected to the other node.
/// </summary>
[Collection(ScaleOutCollection.Name)]
public sealed class ScaleOutTests(ScaleOutFixture fixture) : ForumTest(fixture)
{
    private IAlbaHost OtherNode { get; } = fixture.OtherNode;

    [Fact]
    public async Task A_reply_posted_on_one_node_reaches_a_reader_on_the_other_node_exactly_once()
    {
        var member = await MemberTokenAsync("poster");
        var started = await StartThreadAsync(member, await CategoryAsync());
        await using var remoteReader = await HubClient.ConnectAsync(OtherNode);
        await using var localReader = await HubClient.ConnectAsync(Host);
        await remoteReader.JoinAsync(started.ThreadId, afterSeq: 1);
        await localReader.JoinAsync(started.ThreadId, afterSeq: 1);

        var reply = await ReplyOnEitherNodeAndWaitAsync(member, started.ThreadId, "Posted on one node, read on both");
        var fence = await ReplyAsync(member, started.ThreadId, "A later reply");
        await HubClient.EventuallyAsync(() => remoteReader.Posts.Any(p => p.Seq == fence.Seq) && localReader.Posts.Any(p => p.Seq == fence.Seq));

        remoteReader.Posts.Where(p => p.Seq == reply.Seq).ShouldHaveSingleItem().Body.ShouldBe("Posted on one node, read on both");
        localReader.Posts.Count(p => p.Seq == reply.Seq).ShouldBe(1);
    }

    [Fact]
    public async Task Readers_on_the_other_node_who_did_not_join_the_thread_receive_nothing_of_it()
    {
        var member = await MemberTokenAsync("poster");
        var category = await CategoryAsync();
        var busy = await StartThreadAsync(member, category, title: "Busy thread");
        var quiet = await StartThreadAsync(member, category, body: "Nothing happens here", title: "Quiet thread");
        await using var witness = await HubClient.ConnectAsync(OtherNode);
        await using var elsewhere = await HubClient.ConnectAsync(OtherNode);
        await using var idle = await HubClient.ConnectAsync(OtherNode);
        await witness.JoinAsync(busy.ThreadId, afterSeq: 1);
        await elsewhere.JoinAsync(quiet.ThreadId, afterSeq: 1);

        var reply = await ReplyOnEitherNodeAndWaitAsync(member, busy.ThreadId, "Only for the busy thread's readers");
        var busyFence = await ReplyAsync(member, busy.ThreadId, "A later reply");
        var quietFence = await ReplyAsync(member, quiet.ThreadId, "A later reply elsewhere");
        await HubClient.EventuallyAsync(() => witness.Posts.Any(p => p.Seq == busyFence.Seq) && elsewhere.Posts.Any(p => p.Seq == quietFence.Seq));
        await idle.RoundTripAsync();

        witness.Posts.ShouldContain(p => p.PostId == reply.PostId);
        elsewhere.Posts.ShouldNotContain(p => p.ThreadId == busy.ThreadId);
        idle.Posts.ShouldBeEmpty();
    }

    /// <summary>
    /// Replies and waits until every message the reply caused has been handled, on whichever node. A reply posted after
    /// it is broadcast after it through the thread's channel of the backplane, which each node reads in order: once a
    /// later reply has reached a reader, anything this one sent to that reader's node (a duplicate, a stray) has been
    /// handed to its connections, and a connection delivers in order (<see cref="HubClient.RoundTripAsync"/>).
    /// </summary>
    private async Task<Marketplace.Features.Forum.Posts.Created> ReplyOnEitherNodeAndWaitAsync(string token, Guid threadId, string body)
    {
        Marketplace.Features.Forum.Posts.Created? created = null;
        await Host.TrackActivity().AlsoTrack(OtherNode).Timeout(TimeSpan.FromSeconds(30))
            .ExecuteAndWaitAsync((Func<Wolverine.IMessageContext, Task>)(async _ => created = await ReplyAsync(token, threadId, body)));
        return created!;
    }

    [Fact]
    public async Task Presence_counts_the_readers_of_both_nodes_on_both_nodes()
    {
        var member = await MemberTokenAsync("host");
        var started = await StartThreadAsync(member, await CategoryAsync());
        await using var here = await HubClient.ConnectAsync(Host, member);
        var there = await HubClient.ConnectAsync(OtherNode);
        await here.JoinAsync(started.ThreadId, afterSeq: 1);
        await there.JoinAsync(started.ThreadId, afterSeq: 1);

        await HubClient.EventuallyAsync(() => here.LastPresenceCount == 2 && there.LastPresenceCount == 2);
        here.LastPresenceNames.ShouldBe(["Test Person"]);

        await there.DisposeAsync();
        await HubClient.EventuallyAsync(() => here.LastPresenceCount == 1);
    }
}
