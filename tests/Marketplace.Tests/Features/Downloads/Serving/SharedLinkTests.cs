using System.Net;
using Alba;
using Marketplace.Features.Downloads;
using Marketplace.Features.Downloads.Serving;

namespace Marketplace.Tests.Features.Downloads.Serving;

/// <summary>A purchase whose links are used from more networks than allowed is flagged, and a fresh sign-in recovers it.</summary>
public sealed class SharedLinkTests(AppFixture fixture) : DownloadsTest(fixture)
{
    private const string Shared = "/problems/download-shared";

    [Fact]
    public async Task Links_used_from_as_many_networks_as_allowed_keep_working_and_addresses_of_one_network_count_once()
    {
        Set<DownloadOptions, int>(o => o.MaxNetworksPerLink, 3);
        var purchase = await PurchaseAsync();
        await CopyMadeAsync(purchase);
        var link = await LinkOfAsync(purchase);

        foreach (var address in new[] { "203.0.113.5", "203.0.113.77", "198.51.100.1", "2001:db8:1::1", "2001:db8:1:ffff::9", "::ffff:203.0.113.9" })
        {
            StatusOf(await PartFromAsync(link, address)).ShouldBe(206, address);
        }

        StatusOf(await PartFromAsync(await LinkOfAsync(purchase), "198.51.100.200")).ShouldBe(206);
    }

    [Fact]
    public async Task One_network_too_many_stops_every_link_of_the_purchase_with_a_reason_and_the_audit_shows_the_refusals()
    {
        Set<DownloadOptions, int>(o => o.MaxNetworksPerLink, 2);
        var purchase = await PurchaseAsync();
        await CopyMadeAsync(purchase);
        var (first, second) = (await LinkOfAsync(purchase), await LinkOfAsync(purchase));
        StatusOf(await PartFromAsync(first, "203.0.113.5")).ShouldBe(206);
        StatusOf(await PartFromAsync(first, "198.51.100.1")).ShouldBe(206);

        (await PartFromAsync(first, "192.0.2.1")).ShouldBeProblem(403, Shared);
        (await PartFromAsync(first, "203.0.113.5")).ShouldBeProblem(403, Shared);
        (await PartFromAsync(second, "203.0.113.5")).ShouldBeProblem(403, Shared);
        var asked = await LinkAsync(purchase.Buyer, purchase.EntitlementId, purchase.FileId, 403);
        asked.ShouldBeProblem(403, "/problems/download-sign-in-again");

        var attempts = await AuditedAsync(purchase.EntitlementId, 5);
        attempts.Count(a => a is { Result: "shared", Status: 403 }).ShouldBe(3);
        attempts.ShouldContain(a => a.Result == "shared" && a.Address == "192.0.2.1");
    }

    [Fact]
    public async Task In_a_browser_the_refusal_is_the_error_page_pointing_to_signing_in_again()
    {
        Set<DownloadOptions, int>(o => o.MaxNetworksPerLink, 1);
        var purchase = await PurchaseAsync();
        await CopyMadeAsync(purchase);
        var link = await LinkOfAsync(purchase);
        StatusOf(await PartFromAsync(link, "203.0.113.5")).ShouldBe(206);

        var page = await PartFromAsync(link, "198.51.100.1", s => s.WithRequestHeader("Accept", "text/html,application/xhtml+xml"));

        StatusOf(page).ShouldBe(403);
        var html = page.ReadAsText();
        html.ShouldContain("used from too many places");
        html.ShouldContain("href=\"/account/logout\"");
    }

    [Fact]
    public async Task After_a_fresh_sign_in_the_buyer_gets_a_link_that_works_while_the_shared_ones_stay_dead()
    {
        Set<DownloadOptions, int>(o => o.MaxNetworksPerLink, 1);
        var purchase = await PurchaseAsync();
        await CopyMadeAsync(purchase);
        var shared = await LinkOfAsync(purchase);
        StatusOf(await PartFromAsync(shared, "203.0.113.5")).ShouldBe(206);
        (await PartFromAsync(shared, "198.51.100.1")).ShouldBeProblem(403, Shared);

        var signedInAgain = purchase with { Buyer = purchase.Buyer with { Token = (await LoginAsync(purchase.Buyer.Email)).AccessToken } };
        var fresh = await LinkOfAsync(signedInAgain);

        StatusOf(await PartFromAsync(fresh, "192.0.2.1")).ShouldBe(206);
        StatusOf(await DownloadAsync(fresh, s => From(s, "192.0.2.1"))).ShouldBe(200);
        (await PartFromAsync(shared, "192.0.2.1")).ShouldBeProblem(403, Shared);
        (await Eventually.ValueAsync(() => AllowanceAsync(purchase), a => a is { Completed: > 0 }))!.Completed.ShouldBe(1);
    }

    [Fact]
    public async Task Concurrent_downloads_from_many_networks_let_exactly_the_allowed_number_of_networks_through()
    {
        Set<DownloadOptions, int>(o => o.MaxNetworksPerLink, 3);
        var purchase = await PurchaseAsync();
        await CopyMadeAsync(purchase);
        var link = await LinkOfAsync(purchase);

        var results = await Task.WhenAll(Enumerable.Range(1, 12).Select(n => PartFromAsync(link, $"198.51.{n}.7")));

        results.Count(r => StatusOf(r) == 206).ShouldBe(3);
        results.Count(r => StatusOf(r) == 403).ShouldBe(9);
        var attempts = await AuditedAsync(purchase.EntitlementId, 12);
        attempts.Count(a => a.Result == "shared").ShouldBe(9);
    }

    [Fact]
    public async Task A_link_whose_issue_time_was_altered_is_refused_as_tampered()
    {
        var purchase = await PurchaseAsync();
        var link = await LinkOfAsync(purchase);

        var altered = System.Text.RegularExpressions.Regex.Replace(link, "issued=(\\d+)", m => $"issued={long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + 60000}");

        (await DownloadAsync(altered)).ShouldBeProblem(403, "/problems/download-link-invalid");
        (await DownloadAsync(link.Replace("issued=", "issued=-", StringComparison.Ordinal))).ShouldBeProblem(403, "/problems/download-link-invalid");
    }

    [Theory]
    [InlineData("203.0.113.5", "203.0.113.0/24")]
    [InlineData("::ffff:203.0.113.5", "203.0.113.0/24")]
    [InlineData("2001:db8:abcd:12:3456::1", "2001:db8:abcd::/48")]
    public void A_network_is_an_ipv4_slash_24_or_an_ipv6_slash_48(string address, string network) =>
        LinkSharing.NetworkOf(IPAddress.Parse(address)).ShouldBe(network);

    /// <summary>The first ten bytes of the file, asked from <paramref name="address"/> (a part before the end counts no download).</summary>
    private Task<IScenarioResult> PartFromAsync(string link, string address, Action<Scenario>? configure = null) => DownloadAsync(link, s =>
    {
        From(s, address);
        s.WithRequestHeader("Range", "bytes=0-9");
        configure?.Invoke(s);
    });

    private static void From(Scenario scenario, string address) =>
        scenario.ConfigureHttpContext(c => c.Connection.RemoteIpAddress = IPAddress.Parse(address));
}
