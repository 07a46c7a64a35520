using FluentValidation;
using Marketplace.Features.Accounts;
using Marketplace.Infrastructure.Web;
using Marten;

namespace Marketplace.Features.Forum.Notifications;

/// <summary><c>PUT /api/forum/notifications/settings {emailDigest}</c>: turns the caller's digest mail on or off.</summary>
public static class ChangeNotificationSettings
{
    public sealed record Request(bool? EmailDigest);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator() => RuleFor(x => x.EmailDigest).NotNull().WithMessage("Say true or false.");
    }

    public static void Map(RouteGroupBuilder group) =>
        group.MapPut("/settings", HandleAsync).Validate<Request>().RequireAuthorization(Policies.Member).WithName("ChangeNotificationSettings")
            .WithSummary("Turns the caller's digest mail on or off; a digest already scheduled is not sent when off.");

    public static async Task<GetNotificationSettings.Response> HandleAsync(Request request, IDocumentSession session, HttpContext http)
    {
        await ExecuteAsync(ForumActor.Of(http.User)!.Id, request.EmailDigest!.Value, session, http.RequestAborted);
        return new GetNotificationSettings.Response(request.EmailDigest.Value);
    }

    public static async Task ExecuteAsync(Guid memberId, bool emailDigest, IDocumentSession session, CancellationToken ct)
    {
        session.Store(new NotificationSettings { Id = memberId, EmailDigest = emailDigest });
        await session.SaveChangesAsync(ct);
    }
}
