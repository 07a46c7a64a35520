using Serilog;
using Serilog.Formatting.Compact;

namespace Marketplace.Infrastructure.Logging;

public static class LoggingSetup
{
    /// <summary>
    /// Serilog to the console: readable lines in Development, compact JSON elsewhere; levels from <c>Serilog</c> settings.
    /// Each host logs through its own logger, never the static <c>Log.Logger</c>: in a process holding several hosts
    /// (the tests) the static one belongs to whichever started last, and is silenced when any of them stops.
    /// </summary>
    public static void AddMarketplaceLogging(this WebApplicationBuilder builder)
    {
        builder.Services.AddSerilog(
            (services, logger) => WriteToConsole(
                logger.ReadFrom.Configuration(builder.Configuration).ReadFrom.Services(services).Enrich.FromLogContext(), builder),
            preserveStaticLogger: true);
        CategoryCachedLoggerFactory.Decorate(builder.Services);
    }

    /// <summary>A logger for what happens before the host exists (a refused start), written like the host's.</summary>
    public static Serilog.Core.Logger CreateStartupLogger(WebApplicationBuilder builder) =>
        WriteToConsole(new LoggerConfiguration().ReadFrom.Configuration(builder.Configuration), builder).CreateLogger();

    private static LoggerConfiguration WriteToConsole(LoggerConfiguration logger, WebApplicationBuilder builder) =>
        builder.Environment.IsDevelopment() || builder.Environment.IsEnvironment("Testing")
            ? logger.WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj} {CorrelationId}{NewLine}{Exception}")
            : logger.WriteTo.Console(new RenderedCompactJsonFormatter());
}
