using Marketplace.Features.Moderation;
using Marketplace.Features.Orders;
using Marten;

namespace Marketplace.Tests.Features.Orders;

/// <summary>Fee changes that must be refused, with a ProblemDetails and nothing changed.</summary>
public sealed class PlatformFeeInputTests(AppFixture fixture) : PlatformFeeTest(fixture)
{
    public static TheoryData<string, string> BadFees => new()
    {
        { """{"basisPoints":5001,"fixed":0,"version":0}""", "basisPoints" },
        { """{"basisPoints":-1,"fixed":0,"version":0}""", "basisPoints" },
        { """{"basisPoints":1000,"fixed":10001,"version":0}""", "fixed" },
        { """{"basisPoints":1000,"fixed":-30,"version":0}""", "fixed" },
        { """{"basisPoints":1000,"fixed":30,"version":-1}""", "version" },
        { """{"fixed":30,"version":0}""", "basisPoints" },
        { """{"basisPoints":1000,"fixed":30}""", "version" },
        { """{"basisPoints":99999999999999999999,"fixed":30,"version":0}""", "" },
        { """{"basisPoints":1000,"fixed":9999999999999999999999999,"version":0}""", "" },
        { """{"basisPoints":"10\u0000","fixed":30,"version":0}""", "" },
        { """{"basisPoints":10.5,"fixed":30,"version":0}""", "" },
        { "{\"basisPoints\":1000,\"fixed\":30,\u0000\"version\":0}", "" },
        { """{"basisPoints":1000,""", "" },
        { "null", "" },
    };

    [Theory]
    [MemberData(nameof(BadFees))]
    public async Task A_bad_default_fee_is_a_400_problem_and_changes_nothing(string body, string field) =>
        await RefusedAsync("/api/admin/fees", body, field);

    [Theory]
    [MemberData(nameof(BadFees))]
    public async Task A_bad_shop_fee_is_a_400_problem_and_changes_nothing(string body, string field)
    {
        var seller = await SellerReadyToSellAsync();
        await RefusedAsync($"/api/admin/shops/{seller.Shop.Id}/fee", body, field);
    }

    [Fact]
    public async Task A_fee_sent_as_a_form_is_415_and_changes_nothing()
    {
        var admin = await AdminAsync();

        (await ApiStatusAsync(admin.Token, s => s.Put.FormData(new() { ["basisPoints"] = "0", ["fixed"] = "0", ["version"] = "0" }).ToUrl("/api/admin/fees")))
            .ShouldBe(415);
        await NothingChangedAsync();
    }

    [Fact]
    public async Task A_fee_for_a_shop_that_does_not_exist_is_a_404_and_a_malformed_shop_id_never_reaches_it()
    {
        var admin = await AdminAsync();

        var missing = await AsUserAsync(admin.Token, s =>
        {
            s.Put.Json(new { basisPoints = 100, @fixed = 0, version = 0 }).ToUrl($"/api/admin/shops/{Guid.NewGuid()}/fee");
            s.StatusCodeShouldBe(404);
        });
        missing.ShouldBeProblem(404, "/problems/not-found");
        (await ApiStatusAsync(admin.Token, s => s.Delete.Url($"/api/admin/shops/{Guid.NewGuid()}/fee"))).ShouldBe(404);
        (await ApiStatusAsync(admin.Token, s => s.Delete.Url("/api/admin/shops/not-a-shop/fee"))).ShouldBe(404);
        await NothingChangedAsync();
    }

    [Fact]
    public async Task A_change_based_on_a_version_that_is_not_the_fees_is_a_409_and_changes_nothing()
    {
        var admin = await AdminAsync();

        var stale = await AsUserAsync(admin.Token, s =>
        {
            s.Put.Json(new { basisPoints = 100, @fixed = 0, version = 7 }).ToUrl("/api/admin/fees");
            s.StatusCodeShouldBe(409);
        });

        stale.ShouldBeProblem(409, "/problems/conflict").GetProperty("currentVersion").GetInt64().ShouldBe(0);
        await NothingChangedAsync();
    }

    private async Task RefusedAsync(string url, string body, string field)
    {
        var admin = await AdminAsync();

        var refused = await AsUserAsync(admin.Token, s =>
        {
            s.Put.Text(body).ToUrl(url);
            s.WithRequestHeader("Content-Type", "application/json");
            s.StatusCodeShouldBe(400);
        });

        refused.Context.Response.ContentType.ShouldBe("application/problem+json");
        if (field.Length > 0)
        {
            Problem(refused).GetProperty("errors").EnumerateObject().ShouldContain(e => e.Name.Equals(field, StringComparison.OrdinalIgnoreCase));
        }

        await NothingChangedAsync();
    }

    private async Task NothingChangedAsync()
    {
        (await QueryAsync(q => q.LoadAsync<PlatformFees>(PlatformFees.TheId))).ShouldBeNull();
        (await QueryAsync(q => q.Query<AuditEntry>().CountAsync())).ShouldBe(0);
    }
}
