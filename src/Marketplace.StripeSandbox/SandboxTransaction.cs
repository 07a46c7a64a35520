using System.Text.Json.Nodes;
using Marketplace.StripeSandbox.Events;
using Marketplace.StripeSandbox.Wire;
using Marten;
using Wolverine;

namespace Marketplace.StripeSandbox;

/// <summary>
/// One change to the sandbox's state, made in a Wolverine handler: the handler's Marten session it is written with, the
/// handler's message context its events leave through (Wolverine commits both together), the clock, and the API request
/// that caused it, if any. Events are stored and queued for delivery in the same transaction as the change.
/// </summary>
public sealed class SandboxTransaction(IDocumentSession session, IMessageBus outbox, TimeProvider clock, string? requestId = null, string? idempotencyKey = null)
{
    /// <summary>
    /// How long an endpoint waits for the Wolverine handler that makes its change (<c>bus.InvokeAsync</c>): Wolverine's
    /// default of 5 s would turn a slow commit on a busy machine into a 500 while the handler commits anyway.
    /// </summary>
    public static readonly TimeSpan InvokeTimeout = TimeSpan.FromSeconds(30);

    private string? _apiVersion;

    public IDocumentSession Session => session;

    public IMessageBus Outbox => outbox;

    public DateTimeOffset Now => clock.GetUtcNow();

    public long UnixNow => Now.ToUnixTimeSeconds();

    /// <summary>Records a Stripe event whose <c>data.object</c> is a snapshot of <paramref name="dataObject"/> and queues its delivery.</summary>
    public async Task<SandboxEvent> EmitAsync(string type, JsonObject dataObject, string? account, JsonObject? previousAttributes = null)
    {
        // Events of one change keep their order even when the clock does not move between them.
        _apiVersion ??= (await SandboxApiVersions.LoadAsync(session)).ForEvents;
        var stripeEvent = SandboxEvent.Create(type, account, dataObject, previousAttributes, requestId, idempotencyKey, SandboxCreationStamp.Next(UnixNow), _apiVersion);
        session.Insert(stripeEvent);
        await outbox.PublishAsync(new DeliverSandboxEvent(stripeEvent.Id));
        return stripeEvent;
    }
}
