using Marketplace.Features.Accounts;
using Marketplace.Features.Forum;
using Marketplace.Features.Moderation;
using Marketplace.Tests.Features.Catalog;

namespace Marketplace.Tests.Features.Moderation;

/// <summary>What the queue tests share: a flagged thread, flags, reports, the queue read and resolved through the API.</summary>
public abstract class ModerationQueueTest(AppFixture fixture) : CatalogTest(fixture)
{
    protected const string Queue = "/api/moderation/queue";

    /// <summary>A thread by a new member in a fresh category; returns its first post.</summary>
    protected async Task<(Guid ThreadId, Guid PostId, Member Author)> ThreadAsync(string title = "Cheap watches")
    {
        var admin = await MemberAsync("admin", Roles.Admin);
        var category = (await AsUserAsync(admin.Token, s =>
        {
            s.Post.Json(new { name = "Help", slug = $"help-{Guid.NewGuid():N}"[..20], description = "Ask", position = 1, readOnly = false }).ToUrl("/api/forum/categories");
            s.StatusCodeShouldBe(201);
        })).ReadAsJson<Categories.View>()!.Id;
        var author = await MemberAsync("author");
        var started = (await AsUserAsync(author.Token, s =>
        {
            s.Post.Json(new { title, body = "Buy them at my site" }).ToUrl($"/api/forum/categories/{category}/threads");
            s.StatusCodeShouldBe(201);
        })).ReadAsJson<Threads.Started>()!;
        return (started.ThreadId, started.PostId, author);
    }

    protected async Task FlagAsync(Member who, Guid postId, string reason = "spam") =>
        await AsUserAsync(who.Token, s => { s.Post.Json(new { reason, text = "Advert" }).ToUrl($"/api/forum/posts/{postId}/flags"); s.StatusCodeShouldBe(202); });

    protected async Task ReportAsync(Member who, Guid productId, string reason = "infringement") =>
        await AsUserAsync(who.Token, s => { s.Post.Json(new { reason, text = "Copied from my shop" }).ToUrl($"/api/products/{productId}/reports"); s.StatusCodeShouldBe(202); });

    protected async Task<GetModerationQueue.Page> QueueAsync(string token, string query = "") =>
        (await AsUserAsync(token, s => { s.Get.Url(Queue + query); s.StatusCodeShouldBe(200); })).ReadAsJson<GetModerationQueue.Page>()!;

    protected Task<int> ResolveStatusAsync(string? token, string itemId, object body) =>
        ApiStatusAsync(token, s => s.Post.Json(body).ToUrl($"{Queue}/{itemId}/resolve"));
}
