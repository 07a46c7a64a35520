using System.Text.Json.Nodes;
using Marketplace.StripeSandbox.Balances;
using Marketplace.StripeSandbox.Events;
using Marketplace.StripeSandbox.Wire;
using Marten;
using Wolverine;

namespace Marketplace.StripeSandbox;

/// <summary>
/// One change to the sandbox's state, made in a Wolverine handler: the handler's Marten session it is written with, the
/// handler's message context its events leave through (Wolverine commits both together), the sandbox's clock, and the
/// API request that caused it, if any. Events are stored and queued for delivery in the same transaction as the change.
/// </summary>
public sealed class SandboxTransaction
{
    /// <summary>
    /// How long an endpoint waits for the Wolverine handler that makes its change (<c>bus.InvokeAsync</c>): Wolverine's
    /// default of 5 s would turn a slow commit on a busy machine into a 500 while the handler commits anyway.
    /// </summary>
    public static readonly TimeSpan InvokeTimeout = TimeSpan.FromSeconds(30);

    private readonly TimeProvider _clock;
    private readonly TimeSpan _offset;
    private readonly string? _requestId;
    private readonly string? _idempotencyKey;
    private string? _apiVersion;
    private SandboxLedger? _ledger;

    private SandboxTransaction(IDocumentSession session, IMessageBus outbox, TimeProvider clock, TimeSpan offset, string? requestId, string? idempotencyKey)
    {
        Session = session;
        Outbox = outbox;
        _clock = clock;
        _offset = offset;
        _requestId = requestId;
        _idempotencyKey = idempotencyKey;
    }

    /// <summary>A transaction at the sandbox's time: the real clock plus however far <see cref="SandboxClock"/> was advanced.</summary>
    public static async Task<SandboxTransaction> BeginAsync(
        IDocumentSession session, IMessageBus outbox, TimeProvider clock, CancellationToken ct, string? requestId = null, string? idempotencyKey = null)
    {
        var sandboxClock = await SandboxClock.LoadAsync(session, ct);
        return At(session, outbox, clock, sandboxClock, requestId, idempotencyKey);
    }

    /// <summary>A transaction at the time of <paramref name="sandboxClock"/> as it is in memory (just advanced, say).</summary>
    public static SandboxTransaction At(
        IDocumentSession session, IMessageBus outbox, TimeProvider clock, SandboxClock sandboxClock, string? requestId = null, string? idempotencyKey = null) =>
        new(session, outbox, clock, TimeSpan.FromSeconds(sandboxClock.OffsetSeconds), requestId, idempotencyKey);

    public IDocumentSession Session { get; }

    public IMessageBus Outbox { get; }

    public DateTimeOffset Now => _clock.GetUtcNow() + _offset;

    public long UnixNow => Now.ToUnixTimeSeconds();

    /// <summary>The balances this transaction moves, each loaded once however many movements touch it.</summary>
    public SandboxLedger Ledger => _ledger ??= new SandboxLedger(this);

    /// <summary>Records a Stripe event whose <c>data.object</c> is a snapshot of <paramref name="dataObject"/> and queues its delivery.</summary>
    public async Task<SandboxEvent> EmitAsync(string type, JsonObject dataObject, string? account, JsonObject? previousAttributes = null)
    {
        // Events of one change keep their order even when the clock does not move between them.
        _apiVersion ??= (await SandboxApiVersions.LoadAsync(Session)).ForEvents;
        var stripeEvent = SandboxEvent.Create(type, account, dataObject, previousAttributes, _requestId, _idempotencyKey, SandboxCreationStamp.Next(UnixNow), _apiVersion);
        Session.Insert(stripeEvent);
        await Outbox.PublishAsync(new DeliverSandboxEvent(stripeEvent.Id));
        return stripeEvent;
    }
}
