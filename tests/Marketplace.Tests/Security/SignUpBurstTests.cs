using System.Net;
using Alba;
using Marketplace.Features.Accounts;
using Marketplace.Tests.Features.Accounts;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using JasperFx.Core;
using Wolverine.Tracking;
using Wolverine.Persistence.Durability.DeadLetterManagement;
using Wolverine.Runtime;

namespace Marketplace.Tests.Security;

/// <summary>A host whose limit on password-hashing work is small enough for one test's burst to reach it.</summary>
public sealed class BusyFixture : AppFixture
{
    public const int PermitLimit = 2;
    public const int QueueLimit = 4;

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["RateLimits:ExpensiveWork:PermitLimit"] = PermitLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RateLimits:ExpensiveWork:QueueLimit"] = QueueLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RateLimits:auth:PermitLimit"] = "1000", // the burst comes from one address: this is about the cores, not the window
    };
}

[CollectionDefinition(Name)]
public sealed class BusyCollection : ICollectionFixture<BusyFixture>
{
    public const string Name = "busy";
}

/// <summary>A burst of sign-ups queues briefly, then is told to come back; nothing fails and no mail is lost.</summary>
[Collection(BusyCollection.Name)]
public sealed class SignUpBurstTests(BusyFixture fixture) : AccountsTest(fixture)
{
    private const int Burst = 40;

    [Fact]
    public async Task A_burst_of_sign_ups_is_served_or_told_to_retry_later_and_every_account_made_gets_its_mail()
    {
        var emails = Enumerable.Range(0, Burst).Select(i => NewEmail($"burst{i}")).ToArray();
        IScenarioResult[] results = [];

        await Host.ExecuteAndWaitAsync(async () => results = await Task.WhenAll(emails.Select(email => SendAsync(s =>
        {
            s.Post.Json(new { email, password = Password, displayName = "Burst Person" }).ToUrl("/api/auth/register");
            s.IgnoreStatusCode();
        }))), 60_000);

        var statuses = results.Select(r => r.Context.Response.StatusCode).ToArray();
        statuses.ShouldAllBe(status => status == (int)HttpStatusCode.Created || status == (int)HttpStatusCode.ServiceUnavailable);
        statuses.Count(status => status == (int)HttpStatusCode.Created).ShouldBeGreaterThanOrEqualTo(BusyFixture.PermitLimit + BusyFixture.QueueLimit);
        var busy = results.Where(r => r.Context.Response.StatusCode == (int)HttpStatusCode.ServiceUnavailable).ToList();
        busy.ShouldNotBeEmpty();
        foreach (var refused in busy)
        {
            int.Parse(refused.Context.Response.Headers.RetryAfter.ToString(), System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(0);
            Problem(refused).GetProperty("status").GetInt32().ShouldBe(503);
        }

        var served = emails.Where((_, i) => statuses[i] == (int)HttpStatusCode.Created).ToArray();
        var accounts = await QueryAsync(q => q.Query<UserAccount>().ToListAsync());
        accounts.Select(u => u.Email).ShouldBe(served, ignoreOrder: true);
        foreach (var email in served)
        {
            (await MailsToAsync(email)).ShouldHaveSingleItem();
        }

        var deadLetters = await Host.Services.GetRequiredService<IWolverineRuntime>().Storage.DeadLetters
            .QueryAsync(new DeadLetterEnvelopeQuery(TimeRange.AllTime()), CancellationToken.None);
        deadLetters.TotalCount.ShouldBe(0);
    }

    [Fact]
    public async Task Reading_a_sign_in_page_is_never_held_back_by_the_limit()
    {
        var pages = await Task.WhenAll(Enumerable.Range(0, Burst).Select(_ => SendAsync(s =>
        {
            s.Get.Url("/account/login");
            s.StatusCodeShouldBe(200);
        })));

        pages.Length.ShouldBe(Burst);
    }
}
