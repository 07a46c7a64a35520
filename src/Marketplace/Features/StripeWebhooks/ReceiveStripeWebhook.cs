using Marketplace.Infrastructure.Payments;
using Marketplace.Infrastructure.Web;
using Microsoft.Extensions.Options;

namespace Marketplace.Features.StripeWebhooks;

/// <summary>
/// <c>POST /api/webhooks/stripe</c>: verifies the payload and its signature (<see cref="SignedStripeEvent"/>), stores
/// the event once (<see cref="StripeEventInbox"/>, already marked ignored when no feature handles its type), hands
/// its message to the in-memory queue of the feature that applies it, and answers. A duplicate delivery is
/// acknowledged and changes nothing. The stored record, not the message, is what survives a crash: the
/// <see cref="StripeEventSweeper"/> sends again the message of any record left waiting (docs/architecture.md).
/// </summary>
public static class ReceiveStripeWebhook
{
    public const string Route = "/api/webhooks/stripe";
    private const int MaxPayloadBytes = 512 * 1024;

    public sealed record Response(string EventId, bool Duplicate);

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost(Route, HandleAsync).WithTags("Webhooks").AllowAnonymous().DisableAntiforgery().WithName("ReceiveStripeWebhook")
            .WithSummary("Stripe events, platform and Connect. 400 when the payload is not an event, or its signature, its age or its mode is wrong; 200 once stored.")
            .Produces<Response>().ProducesProblem(StatusCodes.Status400BadRequest);

    public static async Task<IResult> HandleAsync(
        HttpRequest request, WebhookSigningSecrets secrets, IOptions<StripeOptions> options, StripeEventInbox inbox,
        IntakeActivity activity, StripeEventQueue queue, TimeProvider clock, CancellationToken ct)
    {
        using var delivery = activity.Receive();
        var payload = await ReadPayloadAsync(request, ct);
        if (payload is null)
        {
            return Refuse("The payload is missing or larger than 512 KB.");
        }

        var stripeEvent = SignedStripeEvent.Verify(payload, request.Headers["Stripe-Signature"].ToString(), secrets, options.Value.WebhookToleranceSeconds, out var error);
        if (stripeEvent is null)
        {
            return Refuse(error!);
        }

        if (stripeEvent.Livemode != options.Value.Livemode)
        {
            return Refuse(stripeEvent.Livemode ? "A live-mode event reached a test-mode marketplace." : "A test-mode event reached a live-mode marketplace.");
        }

        var routed = StripeEventRoutes.MessageFor(stripeEvent.Id, stripeEvent.Type, stripeEvent.Account) is not null;
        var now = clock.GetUtcNow();
        var record = new StripeEventRecord
        {
            Id = stripeEvent.Id, Type = stripeEvent.Type, Account = stripeEvent.Account, Livemode = stripeEvent.Livemode,
            CreatedAt = stripeEvent.Created, ReceivedAt = now, Payload = payload,
            Status = routed ? StripeEventStatus.Received : StripeEventStatus.Ignored,
            ProcessedAt = routed ? null : now,
        };
        if (!await inbox.TryAddAsync(record, ct))
        {
            return TypedResults.Ok(new Response(record.Id, Duplicate: true));
        }

        if (routed)
        {
            queue.Send(record);
        }

        return TypedResults.Ok(new Response(record.Id, Duplicate: false));
    }

    private static async Task<string?> ReadPayloadAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength is > MaxPayloadBytes)
        {
            return null;
        }

        using var body = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (body.Length + read > MaxPayloadBytes)
            {
                return null;
            }

            body.Write(chunk, 0, read);
        }

        return body.Length == 0 ? null : System.Text.Encoding.UTF8.GetString(body.GetBuffer(), 0, (int)body.Length);
    }

    private static IResult Refuse(string detail) => TypedResults.Problem(
        statusCode: StatusCodes.Status400BadRequest, type: ProblemTypes.InvalidSignature, title: "The webhook was refused.", detail: detail);
}
