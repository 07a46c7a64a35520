namespace Marketplace.StripeSandbox.Wire;

/// <summary>
/// What one <c>/v1</c> route emulates, declared beside its mapping: the parameters it honours (nested ones in bracket
/// notation; <c>expand</c> is honoured everywhere and not listed) and the event types it emits. The conformance table
/// in docs/stripe-sandbox.md is generated from these and Stripe's description (<c>ConformanceTableTests</c>).
/// </summary>
public sealed record StripeConformance(IReadOnlyList<string> Parameters, IReadOnlyList<string> Events);

public static class StripeConformanceDeclarations
{
    /// <summary>Declares the parameters the route honours and the events it emits.</summary>
    public static TBuilder Emulates<TBuilder>(this TBuilder builder, string[] parameters, params string[] events) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new StripeConformance(parameters, events));

    /// <summary>A list route: paging, <c>created</c> where Stripe has it, and the route's own filters.</summary>
    public static TBuilder EmulatesList<TBuilder, T>(this TBuilder builder, StripeListFilters<T> filters) where TBuilder : IEndpointConventionBuilder =>
        builder.Emulates([.. StripeList.PagingParameters, .. filters.Names]);
}
