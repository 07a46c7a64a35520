namespace Marketplace.Infrastructure.Seeding;

/// <summary>Runs every feature's <see cref="IDemoData"/> in order: from the <c>seed</c> command and on a Development start.</summary>
public sealed partial class DemoDataSeeder(IServiceScopeFactory scopes, IEnumerable<IDemoData> parts, ILogger<DemoDataSeeder> logger)
    : IDisposable
{
    // The seed command and the Development start-up can both seed at once: one at a time, each part idempotent.
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    public async Task<IReadOnlyList<string>> SeedAsync(CancellationToken ct)
    {
        await _oneAtATime.WaitAsync(ct);
        try
        {
            var lines = new List<string>();
            foreach (var part in parts.OrderBy(p => p.Order))
            {
                await using var scope = scopes.CreateAsyncScope();
                lines.AddRange(await part.SeedAsync(scope.ServiceProvider, ct));
            }

            LogSeeded(logger, string.Join(Environment.NewLine, lines.Prepend("Demo data is ready:")));
            return lines;
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    public void Dispose() => _oneAtATime.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "{Summary}")]
    private static partial void LogSeeded(ILogger logger, string summary);
}

public static partial class SeedingSetup
{
    public static IServiceCollection AddDemoData<T>(this IServiceCollection services) where T : class, IDemoData =>
        services.AddSingleton<IDemoData, T>();

    /// <summary>Demo data on start in Development, unless <c>Seed:DemoData</c> is false (the tests turn it off).</summary>
    public static void AddMarketplaceSeeding(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<DemoDataSeeder>();
        if (builder.Environment.IsDevelopment() && builder.Configuration.GetValue("Seed:DemoData", true))
        {
            builder.Services.AddHostedService<DevelopmentSeeding>();
        }
    }

    /// <summary><c>dotnet run -- seed</c> seeds and exits; any other arguments go to the JasperFx commands (codegen, resources...).</summary>
    public static async Task<int> RunMarketplaceAsync(this WebApplication app, string[] args)
    {
        if (args is not ["seed"])
        {
            return await JasperFx.CommandLineHostingExtensions.RunJasperFxCommands(app, args);
        }

        await app.StartAsync();
        foreach (var line in await app.Services.GetRequiredService<DemoDataSeeder>().SeedAsync(CancellationToken.None))
        {
            Console.WriteLine(line);
        }

        await app.StopAsync();
        return 0;
    }

    private sealed partial class DevelopmentSeeding(DemoDataSeeder seeder, IHostApplicationLifetime lifetime, ILogger<DemoDataSeeder> logger)
        : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            lifetime.ApplicationStarted.Register(() => _ = SeedAsync());
            return Task.CompletedTask;
        }

        private async Task SeedAsync()
        {
            try
            {
                await seeder.SeedAsync(lifetime.ApplicationStopping);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e);
            }
        }

        [LoggerMessage(Level = LogLevel.Error, Message = "Seeding the demo data failed; the app runs without it")]
        private static partial void LogFailed(ILogger logger, Exception exception);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
