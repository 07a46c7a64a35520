using Marketplace.Features.Accounts;
using Marketplace.Features.Email;
using Marten;
using Wolverine;

namespace Marketplace.Features.Moderation;

/// <summary>Mails a member the moderation decisions about them; the outbox keys the mail by the envelope, so a redelivery never mails twice.</summary>
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
}
