using Marten;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Features.Email;

/// <summary><c>GET /api/dev/outbox?to=</c>: the mail the dev outbox kept, newest first. Mapped in Development only.</summary>
public static class GetDevOutbox
{
    public const int Limit = 200;

    public sealed record Mail(Guid Id, string To, string Subject, string Text, string Html, IReadOnlyList<string> Links, DateTimeOffset SentAt);

    public static void Map(RouteGroupBuilder group) =>
        group.MapGet("/outbox", HandleAsync)
            .WithName("GetDevOutbox")
            .WithSummary($"Development only: the latest {Limit} mails kept by the dev outbox, newest first; `to` filters by recipient, ignoring case.");

    public static async Task<IReadOnlyList<Mail>> HandleAsync([FromQuery] string? to, IQuerySession session, CancellationToken ct)
    {
        var mails = await LoadAsync(session, to, ct);
        return [.. mails.Select(m => new Mail(m.Id, m.To, m.Subject, m.Text, m.Html, m.Links, m.SentAt))];
    }

    public static async Task<IReadOnlyList<DevOutboxMail>> LoadAsync(IQuerySession session, string? to, CancellationToken ct)
    {
        IQueryable<DevOutboxMail> query = session.Query<DevOutboxMail>();
        if (!string.IsNullOrWhiteSpace(to))
        {
            var recipient = to.Trim();
            query = query.Where(mail => mail.To.Equals(recipient, StringComparison.OrdinalIgnoreCase));
        }

        return await query.OrderByDescending(mail => mail.SentAt).Take(Limit).ToListAsync(ct);
    }
}
