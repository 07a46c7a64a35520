using JasperFx;

namespace Marketplace.StripeSandbox.Wire;

public static class Conflicts
{
    /// <summary>
    /// A Marten optimistic-concurrency failure: a write based on a copy someone else changed first. Marten reports
    /// several at once as an <see cref="AggregateException"/>.
    /// </summary>
    public static bool IsConcurrencyConflict(this Exception exception) => exception switch
    {
        ConcurrencyException => true,
        AggregateException aggregate => aggregate.InnerExceptions.All(IsConcurrencyConflict),
        _ => false,
    };
}
