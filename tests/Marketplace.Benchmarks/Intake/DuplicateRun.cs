using System.Globalization;

namespace Marketplace.Benchmarks.Intake;

/// <summary>
/// Every event delivered three times, shuffled, with the three copies of one event in ten sent back to back (so they
/// are in flight together); then what the app stored and applied is counted, and the peer's rows.
/// </summary>
public static class DuplicateRun
{
    private const int Copies = 3;

    public static async Task<bool> RunAsync(
        Uri app, Uri peer, IntakeDatabase database, string account, string secret, int count, int inFlight)
    {
        var events = Enumerable.Range(0, count).Select(_ => StripeEventFactory.Make(StripeEventFactory.PayoutPaid, account)).ToArray();
        var deliveries = Deliveries(events, new Random(20261201));
        string[] eventIds = [.. events.Select(e => e.Id)];
        Console.WriteLine($"// duplicates: {count} payout.paid events, each {Copies} times in shuffled order ({deliveries.Count} deliveries), " +
            $"{inFlight} in flight; load average {IntakeReport.LoadAverage()}");

        LoadResult appResult;
        using (var run = new LoadRun(app, secret, inFlight))
        {
            appResult = await run.SendAsync(deliveries);
        }

        var settled = await database.WaitUntilSettledAsync(eventIds, TimeSpan.FromMinutes(5));
        var (stored, processed, oneAttempt) = await database.RecordsAsync(eventIds);
        var payouts = await database.PayoutsAsync([.. events.Select(e => e.PayoutId!)]);

        LoadResult peerResult;
        using (var run = new LoadRun(peer, secret, inFlight))
        {
            peerResult = await run.SendAsync(deliveries);
        }

        var peerRows = await database.PeerRowsAsync(eventIds);
        var expectedDuplicates = (Copies - 1) * count;
        var appOk = appResult.Failed == 0 && appResult.Duplicates == expectedDuplicates && stored == count && processed == count && payouts == count;
        var peerOk = peerResult.Failed == 0 && peerRows == count;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"// duplicates, app: {appResult.Acknowledged} of {deliveries.Count} acknowledged ({appResult.PerSecond:F0}/s), {appResult.Failed} failed, " +
            $"{appResult.Duplicates} answered duplicate (expected {expectedDuplicates}); settled {settled.TotalSeconds:F1} s later; " +
            $"records {stored}, processed {processed}, with one attempt {oneAttempt}, payouts {payouts} (each expected {count}): {(appOk ? "OK" : "WRONG")}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"// duplicates, peer: {peerResult.Acknowledged} of {deliveries.Count} acknowledged ({peerResult.PerSecond:F0}/s), {peerResult.Failed} failed; " +
            $"rows {peerRows} (expected {count}): {(peerOk ? "OK" : "WRONG")}"));
        if ((appResult.FirstFailure ?? peerResult.FirstFailure) is { } failure)
        {
            Console.WriteLine($"// first failure: {failure}");
        }

        return appOk && peerOk;
    }

    private static List<WebhookEvent> Deliveries(WebhookEvent[] events, Random random)
    {
        var batches = new List<WebhookEvent[]>();
        for (var i = 0; i < events.Length; i++)
        {
            if (i % 10 == 0)
            {
                batches.Add(Enumerable.Repeat(events[i], Copies).ToArray());
            }
            else
            {
                batches.AddRange(Enumerable.Repeat(events[i], Copies).Select(e => new[] { e }));
            }
        }

        var shuffled = batches.ToArray();
        random.Shuffle(shuffled);
        return [.. shuffled.SelectMany(b => b)];
    }
}
