using Marketplace.Infrastructure.Web;

namespace Marketplace.Tests.Infrastructure.Web;

public sealed class RateLimitingTests(AppFixture fixture) : IntegrationTest(fixture)
{
    private static readonly object ValidMessage = new
    {
        name = "Ada", email = "ada@example.com", subject = "Hello", message = "A question about selling fonts.",
    };

    [Fact]
    public async Task The_contact_policy_rejects_the_sixth_message_from_one_address_with_429_and_retry_after()
    {
        var client = NewClientAddress();
        for (var i = 0; i < 5; i++)
        {
            await Host.Scenario(s =>
            {
                s.Post.Json(ValidMessage).ToUrl("/api/platform/contact");
                s.ConfigureHttpContext(c => c.Connection.RemoteIpAddress = client);
                s.StatusCodeShouldBe(202);
            });
        }

        var rejected = await Host.Scenario(s =>
        {
            s.Post.Json(ValidMessage).ToUrl("/api/platform/contact");
            s.ConfigureHttpContext(c => c.Connection.RemoteIpAddress = client);
            s.StatusCodeShouldBe(429);
        });

        rejected.ShouldBeProblem(429, ProblemTypes.TooManyRequests);
        int.Parse(rejected.Context.Response.Headers.RetryAfter.ToString(), System.Globalization.CultureInfo.InvariantCulture)
            .ShouldBeInRange(1, 15 * 60);
    }

    [Fact]
    public async Task Another_address_is_not_held_back_by_a_limited_one()
    {
        var noisy = NewClientAddress();
        for (var i = 0; i < 6; i++)
        {
            await Host.Scenario(s =>
            {
                s.Post.Json(ValidMessage).ToUrl("/api/platform/contact");
                s.ConfigureHttpContext(c => c.Connection.RemoteIpAddress = noisy);
                s.IgnoreStatusCode();
            });
        }

        var other = NewClientAddress();
        await Host.Scenario(s =>
        {
            s.Post.Json(ValidMessage).ToUrl("/api/platform/contact");
            s.ConfigureHttpContext(c => c.Connection.RemoteIpAddress = other);
            s.StatusCodeShouldBe(202);
        });
    }

    [Fact]
    public async Task Showing_the_sign_in_page_is_not_counted_as_an_attempt_but_sending_it_is()
    {
        var client = NewClientAddress();
        for (var i = 0; i < 25; i++)
        {
            await Host.Scenario(s =>
            {
                s.Get.Url("/account/login");
                s.ConfigureHttpContext(c => c.Connection.RemoteIpAddress = client);
                s.StatusCodeShouldBe(200);
            });
        }

        var statuses = new List<int>();
        for (var i = 0; i < 21; i++)
        {
            var sent = await Host.Scenario(s =>
            {
                // A new email each time, so the per-account sign-in throttle stays out of it.
                s.Post.Json(new { email = $"nobody{i}@example.com", password = "wrong password" }).ToUrl("/api/auth/login");
                s.ConfigureHttpContext(c => c.Connection.RemoteIpAddress = client);
                s.IgnoreStatusCode();
            });
            statuses.Add(sent.Context.Response.StatusCode);
        }

        statuses.Take(20).ShouldAllBe(status => status != 429);
        statuses.Last().ShouldBe(429);
    }
}
