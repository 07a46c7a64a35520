using Marketplace.Features.StripeWebhooks;
using Marketplace.Infrastructure.Persistence;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests.Features.StripeWebhooks;

/// <summary>The intake's one-statement insert writes the row Marten itself would, so Marten reads and updates it.</summary>
public sealed class StripeEventInboxTests(AppFixture fixture) : IntegrationTest(fixture)
{
    private StripeEventInbox Inbox => Host.Services.GetRequiredService<StripeEventInbox>();

    private static StripeEventRecord NewRecord(string id) => new()
    {
        Id = id, Type = "payout.paid", Account = "acct_inbox", Livemode = false, Payload = """{"id":"x"}""",
        CreatedAt = DateTimeOffset.UtcNow.AddSeconds(-3), ReceivedAt = DateTimeOffset.UtcNow, Status = StripeEventStatus.Received,
    };

    [Fact]
    public async Task A_stored_event_reads_back_through_Marten_with_every_field_and_its_version()
    {
        var record = NewRecord("evt_inbox_reads_back");

        (await Inbox.TryAddAsync(record, CancellationToken.None)).ShouldBeTrue();

        var loaded = (await QueryAsync(q => q.LoadAsync<StripeEventRecord>(record.Id)))!;
        loaded.ShouldBeEquivalentTo(record);
        (await QueryAsync(q => q.Query<StripeEventRecord>().Where(r => r.Status == StripeEventStatus.Received && r.Account == "acct_inbox").CountAsync()))
            .ShouldBe(1);
    }

    [Fact]
    public async Task A_second_delivery_of_the_same_id_is_a_duplicate_and_changes_nothing()
    {
        var first = NewRecord("evt_inbox_duplicate");
        (await Inbox.TryAddAsync(first, CancellationToken.None)).ShouldBeTrue();

        var second = NewRecord("evt_inbox_duplicate");
        second.Type = "payout.failed";
        (await Inbox.TryAddAsync(second, CancellationToken.None)).ShouldBeFalse();

        var loaded = (await QueryAsync(q => q.LoadAsync<StripeEventRecord>(first.Id)))!;
        loaded.Type.ShouldBe("payout.paid");
        loaded.Version.ShouldBe(first.Version);
    }

    [Fact]
    public async Task Marten_updates_a_stored_event_under_optimistic_concurrency_and_refuses_a_stale_copy()
    {
        var record = NewRecord("evt_inbox_versioned");
        await Inbox.TryAddAsync(record, CancellationToken.None);
        var store = Host.Services.GetRequiredService<IDocumentStore>();
        await using var first = store.LightweightSession();
        await using var second = store.LightweightSession();
        var mine = (await first.LoadAsync<StripeEventRecord>(record.Id))!;
        var theirs = (await second.LoadAsync<StripeEventRecord>(record.Id))!;

        mine.Status = StripeEventStatus.Processed;
        first.Update(mine);
        await first.SaveChangesAsync();
        theirs.Status = StripeEventStatus.Failed;
        second.Update(theirs);

        var conflict = await Should.ThrowAsync<Exception>(() => second.SaveChangesAsync());
        conflict.IsConcurrencyConflict().ShouldBeTrue();
        (await QueryAsync(q => q.LoadAsync<StripeEventRecord>(record.Id)))!.Status.ShouldBe(StripeEventStatus.Processed);
    }

    [Fact]
    public async Task The_status_indexes_hold_only_the_events_still_waiting_and_the_failed_ones_never_the_processed_or_ignored()
    {
        var definitions = await QueryAsync(q => q.AdvancedSql.QueryAsync<string>(
            "select indexdef from pg_indexes where tablename = 'mt_doc_stripeeventrecord' and indexdef ilike '%status%' order by indexname", CancellationToken.None));

        // The sweeper's index of waiting events, and the admin dashboard's of failed ones (rare: a small index).
        definitions.Count.ShouldBe(2);
        definitions[0].ShouldEndWith($"WHERE (((data ->> 'Status'::text))::integer = {(int)StripeEventStatus.Failed})");
        definitions[1].ShouldEndWith($"WHERE (((data ->> 'Status'::text))::integer = ANY (ARRAY[{(int)StripeEventStatus.Received}, {(int)StripeEventStatus.Retrying}]))");
    }

    [Fact]
    public async Task The_received_time_is_a_column_of_its_own_that_the_insert_writes_and_the_newest_first_list_reads()
    {
        var older = NewRecord("evt_inbox_older");
        older.ReceivedAt = DateTimeOffset.UtcNow.AddMinutes(-5);
        var newer = NewRecord("evt_inbox_newer");
        await Inbox.TryAddAsync(newer, CancellationToken.None);
        await Inbox.TryAddAsync(older, CancellationToken.None);

        var column = await QueryAsync(q => q.AdvancedSql.QueryAsync<DateTimeOffset>(
            "select received_at from marketplace.mt_doc_stripeeventrecord where id = 'evt_inbox_older'", CancellationToken.None));
        column.ShouldHaveSingleItem().ShouldBe(older.ReceivedAt, TimeSpan.FromMilliseconds(1));
        (await QueryAsync(q => q.Query<StripeEventRecord>().Where(r => r.Account == "acct_inbox").OrderByDescending(r => r.ReceivedAt).Select(r => r.Id).ToListAsync()))
            .ShouldBe(["evt_inbox_newer", "evt_inbox_older"]);
        var definitions = await QueryAsync(q => q.AdvancedSql.QueryAsync<string>(
            "select indexdef from pg_indexes where tablename = 'mt_doc_stripeeventrecord' and indexdef ilike '%received%'", CancellationToken.None));
        definitions.ShouldHaveSingleItem().ShouldContain("(received_at)");
    }
}
