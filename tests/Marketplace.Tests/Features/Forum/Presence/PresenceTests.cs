namespace Marketplace.Tests.Features.Forum.Presence;

public sealed class PresenceTests(AppFixture fixture) : ForumTest(fixture)
{
    [Fact]
    public async Task Readers_joining_at_once_get_one_coalesced_count_instead_of_one_message_per_join()
    {
        var member = await MemberTokenAsync("host");
        var started = await StartThreadAsync(member, await CategoryAsync());
        var readers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => HubClient.ConnectAsync(Host)));
        try
        {
            await Task.WhenAll(readers.Select(r => r.JoinAsync(started.ThreadId, afterSeq: 1)));

            await HubClient.EventuallyAsync(() => readers.All(r => r.LastPresenceCount == 10));

            // A fence: an eleventh reader joins. The broadcaster keeps at most one send per thread scheduled and each send
            // takes the readers as it goes out, so once every reader has a count with the eleventh in it, every count the
            // ten joins caused has been sent before it, and a connection delivers in order.
            await using var latecomer = await HubClient.ConnectAsync(Host);
            await latecomer.JoinAsync(started.ThreadId, afterSeq: 1);
            await HubClient.EventuallyAsync(() => readers.All(r => r.LastPresenceCount == 11));
            var ofTheTen = readers.Select(r => r.PresenceSignals.Where(p => p.GetProperty("count").GetInt32() <= 10).ToList()).ToList();
            ofTheTen.ShouldAllBe(signals => signals.Count < 10);
            ofTheTen[0][^1].GetProperty("readers").GetArrayLength().ShouldBe(0);
            ofTheTen[0][^1].GetProperty("guests").GetInt32().ShouldBe(10);
        }
        finally
        {
            foreach (var reader in readers)
            {
                await reader.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Leaving_or_dropping_the_connection_lowers_the_count_for_those_still_reading()
    {
        var member = await MemberTokenAsync("stayer");
        var started = await StartThreadAsync(member, await CategoryAsync());
        await using var stayer = await HubClient.ConnectAsync(Host, member);
        await using var leaver = await HubClient.ConnectAsync(Host);
        var dropper = await HubClient.ConnectAsync(Host);
        await stayer.JoinAsync(started.ThreadId, 1);
        await leaver.JoinAsync(started.ThreadId, 1);
        await dropper.JoinAsync(started.ThreadId, 1);
        await HubClient.EventuallyAsync(() => stayer.LastPresenceCount == 3);

        await leaver.LeaveAsync(started.ThreadId);
        await HubClient.EventuallyAsync(() => stayer.LastPresenceCount == 2);
        await dropper.DisposeAsync();

        await HubClient.EventuallyAsync(() => stayer.LastPresenceCount == 1);
        stayer.LastPresenceNames.ShouldBe(["Test Person"]);
    }


    [Fact]
    public async Task A_member_reading_in_two_tabs_counts_once_and_every_guest_counts()
    {
        var member = await MemberTokenAsync("two tabs");
        var started = await StartThreadAsync(member, await CategoryAsync());
        await using var tab = await HubClient.ConnectAsync(Host, member);
        await using var otherTab = await HubClient.ConnectAsync(Host, member);
        await using var guest = await HubClient.ConnectAsync(Host);
        await using var otherGuest = await HubClient.ConnectAsync(Host);
        foreach (var client in new[] { tab, otherTab, guest, otherGuest })
        {
            await client.JoinAsync(started.ThreadId, 1);
        }

        await HubClient.EventuallyAsync(() => guest.LastPresenceCount == 3);
        guest.LastPresenceNames.ShouldBe(["Test Person"]);
        guest.PresenceSignals.Last().GetProperty("guests").GetInt32().ShouldBe(2);
    }
}
