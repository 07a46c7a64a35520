namespace Marketplace.Infrastructure.Seeding;

/// <summary>
/// Demo data of one feature (accounts, shops, products, forum...). Seeding is idempotent: data that exists is left
/// alone. Features register theirs with <c>services.AddDemoData&lt;T&gt;()</c>.
/// </summary>
public interface IDemoData
{
    /// <summary>Lower runs first (accounts before the shops that need them).</summary>
    int Order { get; }

    /// <summary>Seeds, and returns lines worth printing (sign-ins, addresses).</summary>
    Task<IReadOnlyList<string>> SeedAsync(IServiceProvider services, CancellationToken ct);
}
