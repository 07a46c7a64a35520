using Marketplace.Features.Downloads.Serving;

namespace Marketplace.Tests.Features.Downloads.Serving;

/// <summary>Resuming with Range, the count under concurrency, and hostile links and ranges.</summary>
public sealed class RangeTests(AppFixture fixture) : DownloadsTest(fixture)
{
    [Fact]
    public async Task A_download_resumed_with_a_range_counts_once_when_its_last_byte_is_sent()
    {
        var purchase = await PurchaseAsync();
        var copy = await CopyMadeAsync(purchase);
        var link = await LinkOfAsync(purchase);

        var first = await DownloadAsync(link, s => s.WithRequestHeader("Range", "bytes=0-99"));
        StatusOf(first).ShouldBe(206);
        first.Context.Response.Headers.ContentRange.ToString().ShouldBe($"bytes 0-99/{copy.Size}");
        await AuditedAsync(purchase.EntitlementId, 1);
        ((await AllowanceAsync(purchase))?.Completed ?? 0).ShouldBe(0);

        var etag = first.Context.Response.Headers.ETag.ToString();
        var rest = await DownloadAsync(link, s =>
        {
            s.WithRequestHeader("Range", "bytes=100-");
            s.WithRequestHeader("If-Range", etag);
        });

        StatusOf(rest).ShouldBe(206);
        var whole = await BodyOf(await DownloadAsync(link));
        (await BodyOf(first)).Concat(await BodyOf(rest)).ToArray().ShouldBe(whole);
        await AuditedAsync(purchase.EntitlementId, 3);
        (await AllowanceAsync(purchase))!.Completed.ShouldBe(2); // the resumed download and the whole one
    }

    [Fact]
    public async Task An_if_range_that_no_longer_matches_sends_the_whole_file()
    {
        var purchase = await PurchaseAsync();
        var copy = await CopyMadeAsync(purchase);

        var answer = await DownloadAsync(await LinkOfAsync(purchase), s =>
        {
            s.WithRequestHeader("Range", "bytes=100-");
            s.WithRequestHeader("If-Range", "\"stale\"");
        });

        StatusOf(answer).ShouldBe(200);
        (await BodyOf(answer)).Length.ShouldBe((int)copy.Size);
    }

    [Fact]
    public async Task Concurrent_complete_downloads_never_exceed_the_limit()
    {
        var purchase = await PurchaseAsync(downloadLimit: 2);
        await CopyMadeAsync(purchase);
        var link = await LinkOfAsync(purchase);

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => DownloadAsync(link)));

        answers.Count(a => StatusOf(a) == 200).ShouldBe(2);
        answers.Where(a => StatusOf(a) != 200).ShouldAllBe(a => StatusOf(a) == 410);
        // Each request is audited, and its count settled, once its response is over.
        var attempts = await Eventually.ValueAsync(() => AttemptsAsync(purchase.EntitlementId), a => a.Count == answers.Length);
        var allowance = (await AllowanceAsync(purchase))!;
        (allowance.Completed, allowance.Reserved.Count).ShouldBe((2, 0), string.Join("; ", attempts.Select(a => $"{a.Status} {a.Result} {a.Counted}")));
    }

    public static TheoryData<string, int> HostileRanges => new()
    {
        { "bytes=0-1,5-9", 416 },
        { "bytes=-0", 416 },
        { "bytes=999999999-", 416 },
        { "bytes=99999999999999999999999999-", 200 }, // not a number a range can hold: ignored, as RFC 9110 says
        { "bytes=9-5", 200 },
        { "bytes=--5", 200 },
        { "items=0-5", 200 },
        { "bytes=" + new string('9', 4000) + "-", 200 },
        { "bytes=-5", 206 },
    };

    [Theory]
    [MemberData(nameof(HostileRanges))]
    public async Task A_hostile_range_is_refused_or_ignored_and_never_sends_a_wrong_part(string range, int status)
    {
        var purchase = await PurchaseAsync();
        var copy = await CopyMadeAsync(purchase);

        var answer = await DownloadAsync(await LinkOfAsync(purchase), s => s.WithRequestHeader("Range", range));

        StatusOf(answer).ShouldBe(status, string.Join("; ", answer.Context.Response.Headers.Select(h => $"{h.Key}: {h.Value}")));
        if (status == 416)
        {
            answer.ShouldBeProblem(416, "/problems/download-range");
            if (range != "bytes=0-1,5-9")
            {
                answer.Context.Response.Headers.ContentRange.ToString().ShouldBe($"bytes */{copy.Size}");
            }
        }
        else
        {
            (await BodyOf(answer)).Length.ShouldBe(status == 206 ? 5 : (int)copy.Size);
        }
    }

    public static TheoryData<string> HostileLinks => new()
    {
        "/downloads/not-a-guid/also-not?buyer=x&expires=1&key=dev&sig=x",
        "/downloads/00000000000000000000000000000000/00000000000000000000000000000000?buyer=00000000000000000000000000000000&expires=-1&key=dev&sig=" + new string('A', 43),
        "/downloads/00000000000000000000000000000000/00000000000000000000000000000000?buyer=00000000000000000000000000000000&expires=99999999999999999999&key=dev&sig=" + new string('A', 43),
        "/downloads/00000000000000000000000000000000/00000000000000000000000000000000?buyer=00000000000000000000000000000000&expires=1&key=" + new string('k', 5000) + "&sig=x",
    };

    [Theory]
    [MemberData(nameof(HostileLinks))]
    public async Task A_malformed_link_is_a_403_that_touches_nothing(string link)
    {
        var answer = await DownloadAsync(link);

        StatusOf(answer).ShouldBe(403, answer.ReadAsText());
        answer.ShouldBeProblem(403, "/problems/download-link-invalid");
        await MessagesSettledAsync();
        (await QueryAsync(q => Marten.QueryableExtensions.CountAsync(q.Query<DownloadAllowance>()))).ShouldBe(0);
    }

    [Theory]
    [InlineData("/downloads/abc/def?buyer=%00&expires=%00&key=%00&sig=%00")]
    [InlineData("/downloads/00000000000000000000000000000000/00000000000000000000000000000000?buyer=x&expires=1&key=%01&sig=x")]
    public async Task Control_characters_in_a_link_are_refused_as_every_query_is(string link)
    {
        var answer = await DownloadAsync(link);

        answer.ShouldBeProblem(400, "/problems/validation");
    }
}
