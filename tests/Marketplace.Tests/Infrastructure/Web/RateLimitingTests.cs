using Marketplace.Infrastructure.Web;

namespace Marketplace.Tests.Infrastructure.Web;

public sealed partial class RateLimitingTests(AppFixture fixture) : IntegrationTest(fixture)
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

    [Fact]
    public async Task A_sign_in_form_over_the_limit_answers_with_itself_the_wait_in_words_and_the_email_but_never_the_password()
    {
        var client = NewClientAddress();
        for (var i = 0; i < 20; i++)
        {
            await Host.Scenario(s =>
            {
                s.Post.Json(new { email = $"nobody{i}@example.com", password = "wrong password" }).ToUrl("/api/auth/login");
                s.ConfigureHttpContext(c => c.Connection.RemoteIpAddress = client);
                s.IgnoreStatusCode();
            });
        }

        var form = await Host.Scenario(s =>
        {
            s.WithRequestHeader("Accept", "text/html");
            s.Get.Url("/account/login");
            s.ConfigureHttpContext(c => c.Connection.RemoteIpAddress = client);
        });
        var cookie = string.Join("; ", form.Context.Response.Headers.SetCookie.Select(c => c!.Split(';')[0]));
        var token = RequestToken().Match(await form.ReadAsTextAsync()).Groups["token"].Value;

        var refused = await Host.Scenario(s =>
        {
            s.WithRequestHeader("Accept", "text/html");
            s.WithRequestHeader("Cookie", cookie);
            s.Post.FormData(new()
            {
                ["Input.Email"] = "ada@example.com", ["Input.Password"] = "a secret typed once", ["__RequestVerificationToken"] = token,
            }).ToUrl("/account/login");
            s.ConfigureHttpContext(c => c.Connection.RemoteIpAddress = client);
            s.StatusCodeShouldBe(429);
        });

        var html = await refused.ReadAsTextAsync();
        refused.Context.Response.ContentType.ShouldStartWith("text/html");
        html.ShouldContain("There were many attempts from your network in a short time.");
        html.ShouldMatch(@"Try again in \d+ minutes?\.");
        html.ShouldContain("value=\"ada@example.com\"");
        html.ShouldNotContain("a secret typed once");
        html.ShouldContain("<nav"); // the whole page, with its navigation
        html.ShouldContain("/js/retry-countdown.js");
    }

    [System.Text.RegularExpressions.GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"(?<token>[^\"]+)\"")]
    private static partial System.Text.RegularExpressions.Regex RequestToken();
}
