using Serilog;
using Serilog.Formatting.Compact;

namespace Marketplace.Infrastructure.Logging;

public static class LoggingSetup
{
    /// <summary>Serilog to the console: readable lines in Development, compact JSON elsewhere; levels from <c>Serilog</c> settings.</summary>
    public static void AddMarketplaceLogging(this WebApplicationBuilder builder)
    {
        var readable = builder.Environment.IsDevelopment() || builder.Environment.IsEnvironment("Testing");
        builder.Services.AddSerilog((services, logger) =>
        {
            logger.ReadFrom.Configuration(builder.Configuration)
                .ReadFrom.Services(services)
                .Enrich.FromLogContext();
            if (readable)
            {
                logger.WriteTo.Console(outputTemplate:
                    "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj} {CorrelationId}{NewLine}{Exception}");
            }
            else
            {
                logger.WriteTo.Console(new RenderedCompactJsonFormatter());
            }
        });
    }
}
