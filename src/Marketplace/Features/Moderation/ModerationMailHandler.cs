using System.Security.Cryptography;
using System.Text;
using Marketplace.Features.Accounts;
using Marketplace.Features.Email;
using Marketplace.Features.Forum;
using Marketplace.Features.Shops;
using Marketplace.Infrastructure.Web;
using Marten;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Options;
using Wolverine;

namespace Marketplace.Features.Moderation;

/// <summary>
/// Mails a member the moderation decisions about them; the outbox keys the mail by the envelope, so a redelivery never
/// mails twice. A hidden post's mail is keyed by the post and its hiding instead: two moderators hiding it at once mail once.
/// </summary>
public static class ModerationMailHandler
{
    public static async Task<SendEmail?> HandleAsync(MemberSuspensionChanged changed, IQuerySession session, Envelope envelope, CancellationToken ct)
    {
        var member = await session.LoadAsync<UserAccount>(changed.MemberId, ct);
        if (member?.Email is null || member.DeletedAt is not null)
        {
            return null;
        }

        var baseUrl = changed.BaseUrl.TrimEnd('/');
        var content = changed.Until is { } until
            ? ModerationEmails.Suspended(member.DisplayName, until, changed.Reason ?? "", $"{baseUrl}/contact")
            : ModerationEmails.SuspensionLifted(member.DisplayName, $"{baseUrl}/forum");
        return new SendEmail(envelope.Id, member.Email, content.Subject, content.Text, content.Html);
    }

    public static async Task<SendEmail?> HandleAsync(ProductReviewed reviewed, IQuerySession session, Envelope envelope, IConfiguration configuration, IServer server, CancellationToken ct)
    {
        var shop = await session.LoadAsync<Shop>(reviewed.ShopId, ct);
        var owner = shop is null ? null : await session.LoadAsync<UserAccount>(shop.OwnerId, ct);
        if (owner?.Email is null || owner.DeletedAt is not null)
        {
            return null;
        }

        var baseUrl = PublicUrl.Of(configuration, server);
        var content = reviewed.Approved
            ? ModerationEmails.ProductApproved(owner.DisplayName, reviewed.Title, $"{baseUrl}{reviewed.Url}")
            : ModerationEmails.ProductRejected(owner.DisplayName, reviewed.Title, reviewed.Reason ?? "", $"{baseUrl}/shop/products/{reviewed.ProductId}");
        return new SendEmail(envelope.Id, owner.Email, content.Subject, content.Text, content.Html);
    }

    public static async Task<SendEmail?> HandleAsync(
        PostHiddenForAuthor hidden, IQuerySession session, IConfiguration configuration, IServer server, IOptions<ModerationOptions> options, CancellationToken ct)
    {
        var post = await session.LoadAsync<ForumPost>(hidden.PostId, ct);
        var thread = post is null ? null : await session.LoadAsync<ForumThread>(post.ThreadId, ct);
        var author = post is null ? null : await session.LoadAsync<UserAccount>(post.AuthorId, ct);
        if (thread is null || author?.Email is null || author.DeletedAt is not null)
        {
            return null;
        }

        var appealAddress = string.IsNullOrWhiteSpace(options.Value.AppealAddress) ? null : options.Value.AppealAddress.Trim();
        var content = ModerationEmails.PostHidden(author.DisplayName, thread.Title, hidden.Reason, $"{PublicUrl.Of(configuration, server)}/contact", appealAddress);
        return new SendEmail(HidingKey(hidden), author.Email, content.Subject, content.Text, content.Html);
    }

    private static Guid HidingKey(PostHiddenForAuthor hidden) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes($"post-hidden:{hidden.PostId:N}:{hidden.Hiding}"))[..16]);
}
