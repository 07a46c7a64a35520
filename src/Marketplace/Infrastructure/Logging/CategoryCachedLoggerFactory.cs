using System.Collections.Concurrent;

namespace Marketplace.Infrastructure.Logging;

/// <summary>
/// Hands out one logger per category, as Microsoft's <see cref="LoggerFactory"/> does. Serilog's factory makes a new
/// logger on every <see cref="CreateLogger"/> (a <c>ForContext</c> logger and its own event-id cache, a concurrent
/// dictionary: about 2 KB), and ASP.NET Core's results (<c>TypedResults.Text</c>, <c>Ok</c>, <c>Json</c>, problems) ask
/// for their logger every time they are executed: without this, every API answer built one. Loggers are stateless
/// apart from that cache, so sharing one per category changes nothing in what is logged.
/// </summary>
public sealed class CategoryCachedLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    private readonly ConcurrentDictionary<string, ILogger> _loggers = new(StringComparer.Ordinal);

    public ILogger CreateLogger(string categoryName) => _loggers.GetOrAdd(categoryName, inner.CreateLogger);

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose() => inner.Dispose();

    /// <summary>Wraps the <see cref="ILoggerFactory"/> registered last (Serilog's, by <c>AddSerilog</c>).</summary>
    public static void Decorate(IServiceCollection services)
    {
        var registered = services.Last(d => d.ServiceType == typeof(ILoggerFactory));
        var create = registered.ImplementationFactory
            ?? throw new InvalidOperationException("Expected the logger factory to be registered by a factory method (AddSerilog).");
        services.Remove(registered);
        services.AddSingleton<ILoggerFactory>(provider => new CategoryCachedLoggerFactory((ILoggerFactory)create(provider)));
    }
}
