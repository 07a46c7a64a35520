using System.Collections.Concurrent;
using System.Diagnostics;
using Marketplace.Tests.Features.Accounts;
using Marketplace.Infrastructure.Web;

namespace Marketplace.Tests.Security;

/// <summary>
/// Whether an email has an account must not show in how long a sign-up takes. Timing itself is too noisy to test, so
/// this holds the two paths to the same work: the same database round trips, in the same order.
/// </summary>
public sealed class SignUpTimingTests(AppFixture fixture) : AccountsTest(fixture)
{
    [Fact]
    public async Task A_sign_up_with_a_taken_email_makes_the_same_database_round_trips_as_a_new_one()
    {
        var taken = NewEmail("taken");
        await CreateAccountAsync(taken);
        await SignUpAsync(NewEmail("warm-up")); // first-use work (prepared plans, caches) off the measured requests

        var fresh = await SignUpAsync(NewEmail("fresh"));
        var existing = await SignUpAsync(taken);

        existing.ShouldBe(fresh);
        fresh.ShouldNotBeEmpty();
    }

    /// <summary>The kinds of the database commands the request made, in order (SQL keyword and table, no values).</summary>
    private async Task<List<string>> SignUpAsync(string email)
    {
        var commands = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = commands.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);

        var result = await SendAsync(s =>
        {
            s.Post.Json(new { email, password = Password, displayName = "Timing Test" }).ToUrl("/api/auth/register");
            s.StatusCodeShouldBe(201);
        });

        var trace = result.Context.Response.Headers[CorrelationId.Header].ToString(); // the request's trace id
        return [.. commands.Where(command => command.TraceId.ToString() == trace).OrderBy(command => command.StartTimeUtc).Select(Shape)];
    }

    private static string Shape(Activity command)
    {
        var sql = command.GetTagItem("db.query.text") as string ?? command.GetTagItem("db.statement") as string ?? command.DisplayName;
        return string.Join(' ', sql.Split([' ', '\n', '\t', '(', ','], StringSplitOptions.RemoveEmptyEntries).Take(4));
    }
}
