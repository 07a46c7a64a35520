using Marten;

namespace Marketplace.StripeSandbox.Wire;

/// <summary>
/// Gives every new <see cref="ISandboxListed"/> document the instant lists order it by: within the second of its
/// <c>created</c>, at this process's sub-second time, one microsecond after the document stamped before it (PostgreSQL
/// keeps microseconds). So objects made in one call, or in quick succession, list in the order they were made, and
/// the <c>created</c> filters, which compare <see cref="ISandboxListed.CreatedAt"/>, agree with the <c>created</c> shown.
/// </summary>
public sealed class SandboxCreationStamp : DocumentSessionListenerBase
{
    private const int SecondsRemembered = 256;
    private static readonly Lock Gate = new();

    // The last stamp of each recent second. One "last stamp" for the process would be wrong twice over: the sandbox's
    // clock can be advanced (then reset with the data), and a document made at the end of a second is often saved in
    // the next one; either way a stamp of another second would stop this one from following its predecessors.
    private static readonly Dictionary<long, DateTimeOffset> LastInSecond = [];

    public override Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
        foreach (var document in session.PendingChanges.Inserts().Concat(session.PendingChanges.Updates()).OfType<ISandboxListed>())
        {
            if (document.CreatedAt == default)
            {
                document.CreatedAt = Next(document.Created);
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>A stamp in the second <paramref name="created"/>, after every earlier stamp of this process within that second.</summary>
    public static DateTimeOffset Next(long created)
    {
        var second = DateTimeOffset.FromUnixTimeSeconds(created);
        var within = TimeProvider.System.GetUtcNow().Ticks % TimeSpan.TicksPerSecond;
        var candidate = second.AddTicks(within - within % TimeSpan.TicksPerMicrosecond);
        lock (Gate)
        {
            if (LastInSecond.TryGetValue(created, out var last) && last.AddTicks(TimeSpan.TicksPerMicrosecond) is var after && after > candidate
                && after < second.AddSeconds(1))
            {
                candidate = after;
            }

            if (LastInSecond.Count >= SecondsRemembered)
            {
                foreach (var old in LastInSecond.Keys.Where(key => key < created - SecondsRemembered).ToList())
                {
                    LastInSecond.Remove(old);
                }
            }

            LastInSecond[created] = candidate > last ? candidate : last;
            return candidate;
        }
    }
}
