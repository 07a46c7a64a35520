using System.Text.RegularExpressions;
using Alba;
using Marketplace.Features.Accounts;
using Marketplace.Features.Forum;
using Marketplace.Features.Moderation.Trust;
using Marketplace.Tests.Features.Accounts;
using Wolverine.Tracking;

namespace Marketplace.Tests.Features.Forum;

/// <summary>What forum tests share: a category, members with tokens, and threads made through the API.</summary>
public abstract partial class ForumTest(AppFixture fixture) : AccountsTest(fixture)
{
    /// <summary>Accounts at least this old are made at trust level 1 (basic) by <see cref="MemberTokenAsync(string, TimeSpan, string[])"/>.</summary>
    protected static readonly TimeSpan EstablishedAge = TimeSpan.FromDays(7);

    /// <summary>
    /// A member of a month's standing who has read around: trust level 1 (basic), so their flags count and they post at
    /// the normal pace (new members, level 0, have stricter limits). Signed in.
    /// </summary>
    protected Task<string> MemberTokenAsync(string who, params string[] roles) => MemberTokenAsync(who, TimeSpan.FromDays(30), roles);

    /// <summary>A member whose account is <paramref name="age"/> old: level 1 (basic) from <see cref="EstablishedAge"/>, else 0 (new).</summary>
    protected async Task<string> MemberTokenAsync(string who, TimeSpan age, params string[] roles)
    {
        var email = NewEmail(who);
        var id = await CreateAccountAsync(email, roles);
        await WithUsersAsync(async users =>
        {
            var user = (await users.FindByEmailAsync(email))!;
            user.CreatedAt = DateTimeOffset.UtcNow - age;
            return await users.UpdateAsync(user);
        });
        if (age >= EstablishedAge)
        {
            await TrustAsync(id, TrustLevels.Basic);
        }

        return (await LoginAsync(email)).AccessToken;
    }

    /// <summary>Gives a member a trust level as if they had earned it (no moderator, no audit entry).</summary>
    protected Task TrustAsync(Guid memberId, int level) =>
        StoreAsync(new MemberTrust { Id = memberId, Level = level, UpdatedAt = DateTimeOffset.UtcNow });

    protected async Task<Guid> CategoryAsync(bool readOnly = false)
    {
        var admin = await MemberTokenAsync("admin", Roles.Admin);
        var created = await AsUserAsync(admin, s =>
        {
            s.Post.Json(new { name = "Help", slug = $"help-{Guid.NewGuid():N}"[..20], description = "Ask anything", position = 1, readOnly })
                .ToUrl("/api/forum/categories");
            s.StatusCodeShouldBe(201);
        });
        return created.ReadAsJson<Categories.View>()!.Id;
    }

    protected async Task<Threads.Started> StartThreadAsync(
        string token, Guid categoryId, string body = "How do I export my fonts?", string title = "Exporting fonts")
    {
        var started = await AsUserAsync(token, s =>
        {
            s.Post.Json(new { title, body }).ToUrl($"/api/forum/categories/{categoryId}/threads");
            s.StatusCodeShouldBe(201);
        });
        return started.ReadAsJson<Threads.Started>()!;
    }

    /// <summary>Replies and waits until every message the reply caused (its broadcast, notifications) has been handled.</summary>
    protected async Task<Posts.Created> ReplyAndWaitAsync(string token, Guid threadId, string body)
    {
        Posts.Created? created = null;
        await Host.ExecuteAndWaitAsync(async () => created = await ReplyAsync(token, threadId, body), 30_000);
        return created!;
    }

    protected async Task<Posts.Created> ReplyAsync(string token, Guid threadId, string body)
    {
        var created = await AsUserAsync(token, s =>
        {
            s.Post.Json(new { body }).ToUrl($"/api/forum/threads/{threadId}/posts");
            s.StatusCodeShouldBe(201);
        });
        return created.ReadAsJson<Posts.Created>()!;
    }

    /// <summary>
    /// Loads the page (or <paramref name="formPage"/>, the page that holds the form) for its antiforgery cookie and token,
    /// then posts the form as a browser would.
    /// </summary>
    protected async Task<IScenarioResult> PostFormAsync(string token, string url, Dictionary<string, string> fields, int status, string? formPage = null)
    {
        var form = await AsUserAsync(token, s =>
        {
            s.WithRequestHeader("Accept", "text/html");
            s.Get.Url(formPage ?? url);
        });
        var cookie = string.Join("; ", form.Context.Response.Headers.SetCookie.Select(c => c!.Split(';')[0]));
        fields["__RequestVerificationToken"] = RequestToken().Match(await form.ReadAsTextAsync()).Groups["token"].Value;
        return await AsUserAsync(token, s =>
        {
            s.WithRequestHeader("Accept", "text/html");
            s.WithRequestHeader("Cookie", cookie);
            // Alba takes the query apart from the path (a "?handler=" left in the address is not seen).
            var send = s.Post.FormData(fields).ToUrl(url.Split('?')[0]);
            foreach (var (key, value) in Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(url.Contains('?') ? url[url.IndexOf('?')..] : ""))
            {
                send.QueryString(key, value.ToString());
            }

            s.StatusCodeShouldBe(status);
        });
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex RequestToken();
}
