using System.Net;
using System.Text.RegularExpressions;
using Alba;

namespace Marketplace.Tests.Infrastructure.Web;

/// <summary>What was sent is checked before it counts against a rate limit: an empty form is told it is empty, never "too many".</summary>
public sealed partial class ContentBeforeLimitTests(AppFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task Empty_sign_ins_beyond_the_auth_limit_are_each_told_what_is_missing_and_a_real_one_still_goes_through()
    {
        var client = NewClientAddress();
        for (var i = 0; i < 25; i++)
        {
            var empty = await Host.Scenario(s =>
            {
                s.Post.Json(new { email = "", password = "" }).ToUrl("/api/auth/login");
                s.ConfigureHttpContext(c => c.Connection.RemoteIpAddress = client);
                s.StatusCodeShouldBe(400);
            });
            (await empty.ReadAsTextAsync()).ShouldContain("Fill in the email.");
        }

        await Host.Scenario(s =>
        {
            s.Post.Json(new { email = "nobody@example.com", password = "wrong password" }).ToUrl("/api/auth/login");
            s.ConfigureHttpContext(c => c.Connection.RemoteIpAddress = client);
            s.StatusCodeShouldBe(401);
        });
    }

    [Fact]
    public async Task Too_long_contact_messages_are_refused_without_counting_and_the_five_allowed_still_arrive()
    {
        var client = NewClientAddress();
        for (var i = 0; i < 8; i++)
        {
            await Host.Scenario(s =>
            {
                s.Post.Json(new { name = "Ada", email = "ada@example.com", subject = "Hi", message = new string('x', 5001) }).ToUrl("/api/platform/contact");
                s.ConfigureHttpContext(c => c.Connection.RemoteIpAddress = client);
                s.StatusCodeShouldBe(400);
            });
        }

        for (var i = 0; i < 5; i++)
        {
            await Host.Scenario(s =>
            {
                s.Post.Json(new { name = "Ada", email = "ada@example.com", subject = "Hi", message = "A real question." }).ToUrl("/api/platform/contact");
                s.ConfigureHttpContext(c => c.Connection.RemoteIpAddress = client);
                s.StatusCodeShouldBe(202);
            });
        }
    }

    [Fact]
    public async Task Empty_sign_in_forms_beyond_the_limit_re_render_with_the_error_summary_linked_to_the_fields()
    {
        var client = NewClientAddress();
        IScenarioResult? last = null;
        for (var i = 0; i < 22; i++)
        {
            last = await PostPageAsync(client, "/account/login", new() { ["Input.Email"] = "", ["Input.Password"] = "" }, 200);
        }

        var html = await last!.ReadAsTextAsync();
        html.ShouldContain("id=\"error-summary\"");
        html.ShouldContain("Check these 2 fields:");
        html.ShouldContain("<a href=\"#Input_Email\">email</a>");
        html.ShouldContain("<a href=\"#Input_Password\">password</a>");
        html.ShouldMatch("id=\"Input_Email\"[^>]*aria-describedby=\"Input_Email-error\"|aria-describedby=\"Input_Email-error\"[^>]*id=\"Input_Email\"");
        html.ShouldContain("Fill in the email.");
        html.ShouldContain("maxlength=\"254\"");
        html.ShouldNotContain("many attempts");

        var real = await PostPageAsync(client, "/account/login", new() { ["Input.Email"] = "nobody@example.com", ["Input.Password"] = "wrong password" }, 200);
        (await real.ReadAsTextAsync()).ShouldContain("The email or password is incorrect");
    }

    [Fact]
    public async Task A_contact_form_with_errors_names_the_fields_at_the_top_and_a_form_shown_without_posting_has_no_summary()
    {
        var client = NewClientAddress();
        var page = await Host.Scenario(s =>
        {
            s.WithRequestHeader("Accept", "text/html");
            s.Get.Url("/contact");
        });
        (await page.ReadAsTextAsync()).ShouldNotContain("error-summary");

        var refused = await PostPageAsync(client, "/contact", new()
        {
            ["Input.Name"] = "Ada", ["Input.Email"] = "not an address", ["Input.Subject"] = "", ["Input.Message"] = "short",
        }, 200);

        var html = await refused.ReadAsTextAsync();
        html.ShouldContain("Check these 3 fields:");
        foreach (var (id, name) in new[] { ("Input_Email", "email"), ("Input_Subject", "subject"), ("Input_Message", "message") })
        {
            html.ShouldContain($"<a href=\"#{id}\">{name}</a>");
        }

        html.ShouldNotContain("<a href=\"#Input_Name\">");
        html.ShouldContain("maxlength=\"5000\"");
    }

    private async Task<IScenarioResult> PostPageAsync(IPAddress client, string url, Dictionary<string, string> fields, int status)
    {
        var form = await Host.Scenario(s =>
        {
            s.WithRequestHeader("Accept", "text/html");
            s.Get.Url(url);
            s.ConfigureHttpContext(c => c.Connection.RemoteIpAddress = client);
        });
        var cookie = string.Join("; ", form.Context.Response.Headers.SetCookie.Select(c => c!.Split(';')[0]));
        fields["__RequestVerificationToken"] = RequestToken().Match(await form.ReadAsTextAsync()).Groups["token"].Value;
        return await Host.Scenario(s =>
        {
            s.WithRequestHeader("Accept", "text/html");
            s.WithRequestHeader("Cookie", cookie);
            s.Post.FormData(fields).ToUrl(url);
            s.ConfigureHttpContext(c => c.Connection.RemoteIpAddress = client);
            s.StatusCodeShouldBe(status);
        });
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex RequestToken();
}
