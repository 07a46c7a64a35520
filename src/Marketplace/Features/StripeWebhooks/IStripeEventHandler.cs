using Marten;
using Stripe;
using Wolverine;

namespace Marketplace.Features.StripeWebhooks;

/// <summary>
/// Applies one kind of Stripe event. Implementations must be idempotent and safe out of order: the same event may
/// arrive again (on replay), and an older event may arrive after a newer one. Whatever they change in
/// <see cref="StripeEventContext.Session"/> commits in the same transaction that marks the event processed.
/// </summary>
public interface IStripeEventHandler
{
    IReadOnlyCollection<string> EventTypes { get; }

    Task HandleAsync(Event stripeEvent, StripeEventContext context, CancellationToken ct);
}

/// <summary>What a handler works with: the transaction's session, the outbox-backed message context, the clock.</summary>
public sealed record StripeEventContext(IDocumentSession Session, IMessageContext Messages, TimeProvider Clock);

/// <summary>Every registered <see cref="IStripeEventHandler"/>, by event type.</summary>
public sealed class StripeEventHandlers(IEnumerable<IStripeEventHandler> handlers)
{
    private readonly Dictionary<string, IStripeEventHandler> _byType = handlers
        .SelectMany(handler => handler.EventTypes.Select(type => (type, handler)))
        .ToDictionary(x => x.type, x => x.handler, StringComparer.Ordinal);

    public IStripeEventHandler? For(string eventType) => _byType.GetValueOrDefault(eventType);
}

public static class StripeEventHandlerRegistration
{
    public static IServiceCollection AddStripeEventHandler<T>(this IServiceCollection services) where T : class, IStripeEventHandler =>
        services.AddScoped<IStripeEventHandler, T>();
}
