using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Marketplace.Infrastructure.Files;

/// <summary>
/// How many uploads run at once on this node: at most <see cref="FileLimits.MaxConcurrentUploadsPerMember"/> per member
/// and <see cref="FileLimits.MaxConcurrentUploads"/> in all. Held from the first byte read to the file's recording.
/// </summary>
public sealed class UploadSlots : IDisposable
{
    private readonly PartitionedRateLimiter<Guid> _perMember;
    private readonly ConcurrencyLimiter _node;
    private readonly int _perMemberLimit;

    public UploadSlots(IOptions<FileLimits> options)
    {
        var limits = options.Value;
        _perMemberLimit = limits.MaxConcurrentUploadsPerMember;
        _perMember = PartitionedRateLimiter.Create<Guid, Guid>(member => RateLimitPartition.GetConcurrencyLimiter(member,
            _ => new ConcurrencyLimiterOptions { PermitLimit = limits.MaxConcurrentUploadsPerMember, QueueLimit = 0 }));
        _node = new ConcurrencyLimiter(new ConcurrencyLimiterOptions { PermitLimit = limits.MaxConcurrentUploads, QueueLimit = 0 });
    }

    /// <summary>
    /// A slot for the member's upload, to dispose when the upload has ended however it ended; or null, and why not
    /// (<paramref name="refusal"/>: 429 for the member's own uploads, 503 for the node's).
    /// </summary>
    public IDisposable? TryTake(Guid member, out StagingResult.Refused? refusal)
    {
        refusal = null;
        var mine = _perMember.AttemptAcquire(member);
        if (!mine.IsAcquired)
        {
            mine.Dispose();
            refusal = new(StatusCodes.Status429TooManyRequests, "file",
                "You already have uploads in progress. Wait for one of them to finish, then send this file again.");
            return null;
        }

        var node = _node.AttemptAcquire();
        if (!node.IsAcquired)
        {
            node.Dispose();
            mine.Dispose();
            refusal = new(StatusCodes.Status503ServiceUnavailable, "file", "Many files are being uploaded right now. Send this file again in a few seconds.");
            return null;
        }

        return new Both(mine, node);
    }

    /// <summary>The member's uploads in progress on this node.</summary>
    public long InProgress(Guid member) => _perMemberLimit - (_perMember.GetStatistics(member)?.CurrentAvailablePermits ?? _perMemberLimit);

    public void Dispose()
    {
        _perMember.Dispose();
        _node.Dispose();
    }

    private sealed class Both(RateLimitLease first, RateLimitLease second) : IDisposable
    {
        public void Dispose()
        {
            second.Dispose();
            first.Dispose();
        }
    }
}
