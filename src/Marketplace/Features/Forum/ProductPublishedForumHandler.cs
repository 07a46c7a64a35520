using Marketplace.Features.Catalog;
using Marketplace.Features.Forum.Markdown;
using Marketplace.Features.Forum.Watching;
using Marten;

namespace Marketplace.Features.Forum;

/// <summary>
/// A published product gets its support thread in its shop's category, under the product's own id (so the product page
/// links to it without asking), opened by the seller. Republishing finds the thread already there.
/// </summary>
public static class ProductPublishedForumHandler
{
    public const string SubjectType = "product";

    public static async Task HandleAsync(ProductPublished published, IDocumentSession session, ForumMarkdown markdown, TimeProvider clock, CancellationToken ct)
    {
        if (await session.LoadAsync<ForumThread>(published.ProductId, ct) is not null
            || await session.LoadAsync<ForumCategory>(published.ShopId, ct) is not { SellerId: { } sellerId } category)
        {
            return;
        }

        var seller = await session.LoadAsync<Accounts.UserAccount>(sellerId, ct);
        var now = clock.GetUtcNow();
        var body = $"Questions about [{ForumMarkdown.EscapeInline(published.Title)}]({published.Url})? Ask them here; the seller answers in this thread.";
        var thread = new ForumThread
        {
            Id = published.ProductId, CategoryId = category.Id, Title = published.Title, AuthorId = sellerId,
            AuthorName = seller?.DisplayName ?? category.Name, Subject = new ThreadSubject(SubjectType, published.ProductId),
            CreatedAt = now,
        };
        var post = ThreadWriter.Append(thread, category, new ForumActor(sellerId, thread.AuthorName, IsModerator: false), body, markdown, now);
        session.Insert(thread);
        session.Insert(post);
        PostingDefaults.ThreadStarted(session, post, now);
    }
}
