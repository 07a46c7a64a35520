using Marketplace.Infrastructure.Payments;
using Marketplace.Infrastructure.Persistence;
using Marketplace.Infrastructure.Web;
using Marten;
using Microsoft.Extensions.Options;
using Wolverine.Marten;

namespace Marketplace.Features.StripeWebhooks;

/// <summary>
/// <c>POST /api/webhooks/stripe</c>: verifies the payload and its signature (<see cref="SignedStripeEvent"/>), stores
/// the event once and, in the same transaction, sends it to the feature that applies it or marks it ignored; then
/// answers at once. A duplicate delivery is acknowledged and changes nothing.
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
        HttpRequest request, WebhookSigningSecrets secrets, IOptions<StripeOptions> options, IDocumentSession session,
        IMartenOutbox outbox, TimeProvider clock, CancellationToken ct)
    {
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

        var record = new StripeEventRecord
        {
            Id = stripeEvent.Id, Type = stripeEvent.Type, Account = stripeEvent.Account, Livemode = stripeEvent.Livemode,
            CreatedAt = stripeEvent.Created, ReceivedAt = clock.GetUtcNow(), Payload = payload, Status = StripeEventStatus.Received,
        };
        outbox.Enroll(session);
        await StripeEventDispatch.DispatchAsync(outbox, record, clock);
        session.Insert(record);
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (Exception e) when (e.IsUniqueViolation())
        {
            return TypedResults.Ok(new Response(record.Id, Duplicate: true));
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
