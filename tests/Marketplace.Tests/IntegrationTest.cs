using System.Linq.Expressions;
using System.Reflection;
using Alba;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Marketplace.Tests;

/// <summary>Base of tests in the app collection: the shared host, with every document and message reset before each test.</summary>
[Collection(AppCollection.Name)]
public abstract class IntegrationTest(AppFixture fixture) : IAsyncLifetime
{
    private static int s_nextClient;
    private readonly Stack<Action> _restore = new();

    protected IAlbaHost Host => fixture.Host;

    /// <summary>The shared host's own folder for stored files.</summary>
    protected string FilesPath => fixture.FilesPath;

    /// <summary>What the shared host logs.</summary>
    protected CapturedLogs Logs => fixture.Logs;

    /// <summary>This test's own client address: per-address rate limits never carry over between tests.</summary>
    protected System.Net.IPAddress ClientAddress { get; } = NewClientAddress();

    /// <summary>A scenario from <see cref="ClientAddress"/>.</summary>
    protected Task<IScenarioResult> SendAsync(Action<Scenario> configure) => Host.Scenario(s =>
    {
        s.ConfigureHttpContext(c => c.Connection.RemoteIpAddress = ClientAddress);
        configure(s);
    });

    /// <summary>Empties the database and the host's stored files: each test starts from nothing.</summary>
    public virtual async Task InitializeAsync()
    {
        await DataReset.ResetAsync(Host);
        if (Directory.Exists(FilesPath))
        {
            Directory.Delete(FilesPath, recursive: true);
        }
    }

    public virtual Task DisposeAsync()
    {
        while (_restore.TryPop(out var restore))
        {
            restore();
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Changes a setting of the shared host for this test only (put back when it ends): an options value the app reads
    /// each time it needs it, such as a delay or a lifespan, so no host of its own is needed for it.
    /// </summary>
    protected void Set<TOptions, TValue>(Expression<Func<TOptions, TValue>> setting, TValue value) where TOptions : class
    {
        var options = Host.Services.GetRequiredService<IOptions<TOptions>>().Value;
        var property = (PropertyInfo)((MemberExpression)setting.Body).Member;
        var before = property.GetValue(options);
        property.SetValue(options, value);
        _restore.Push(() => property.SetValue(options, before));
    }

    /// <summary>Waits until every message the test caused, scheduled ones included, has been handled (<see cref="Settled"/>).</summary>
    protected Task MessagesSettledAsync(int seconds = 30) => Settled.MessagesAsync(Host, seconds);

    /// <summary>A client address of its own, so per-address rate limits of one test never meet another's.</summary>
    protected static System.Net.IPAddress NewClientAddress()
    {
        var n = Interlocked.Increment(ref s_nextClient);
        return new System.Net.IPAddress([10, (byte)(n >> 16), (byte)(n >> 8), (byte)n]);
    }

    protected async Task StoreAsync<T>(params T[] documents) where T : notnull
    {
        await using var session = Host.DocumentStore().LightweightSession();
        session.Store(documents);
        await session.SaveChangesAsync();
    }

    protected async Task<T> QueryAsync<T>(Func<IQuerySession, Task<T>> query)
    {
        await using var session = Host.DocumentStore().QuerySession();
        return await query(session);
    }
}
