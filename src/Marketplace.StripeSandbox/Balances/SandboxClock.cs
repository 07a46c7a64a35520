using Marten;

namespace Marketplace.StripeSandbox.Balances;

/// <summary>
/// How far the sandbox's clock runs ahead of the real one (moved by <c>POST /control/clock/advance</c>), kept in the
/// database so every instance and every transaction reads the same time.
/// </summary>
public sealed class SandboxClock
{
    public const string TheClock = "clock";

    public string Id { get; set; } = TheClock;

    public long OffsetSeconds { get; set; }

    [Marten.Schema.Version]
    public Guid Version { get; set; }

    public static async Task<SandboxClock> LoadAsync(IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<SandboxClock>(TheClock, ct) ?? new SandboxClock();
}
