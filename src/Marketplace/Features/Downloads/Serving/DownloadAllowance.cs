namespace Marketplace.Features.Downloads.Serving;

/// <summary>
/// How many times a buyer downloaded one file of a purchase, under the copy's id: the completed downloads, and those
/// in progress that will complete it (a response carrying the last byte reserves one before it starts and counts it
/// when the last byte was sent, or gives it back). Completed and reserved together never pass the limit, so concurrent
/// downloads cannot exceed it. Written only under the download lock (<see cref="LockKey"/>).
/// </summary>
public sealed class DownloadAllowance
{
    public string Id { get; set; } = "";
    public int Completed { get; set; }

    /// <summary>The reservations of downloads in progress, with when each started.</summary>
    public Dictionary<Guid, DateTimeOffset> Reserved { get; set; } = [];

    public static string LockKey(string copyId) => $"download:{copyId}";

    /// <summary>Forgets reservations older than <paramref name="before"/>: their node died mid-download.</summary>
    public void DropStale(DateTimeOffset before)
    {
        foreach (var (id, _) in Reserved.Where(r => r.Value < before).ToList())
        {
            Reserved.Remove(id);
        }
    }
}

/// <summary>One request of a download link, whatever became of it: the audit (docs/downloads.md#audit).</summary>
public sealed class DownloadAttempt
{
    public Guid Id { get; set; }
    public DateTimeOffset At { get; set; }
    public string Address { get; set; } = "";
    public string UserAgent { get; set; } = "";

    /// <summary>What the link named, when it could be read (a tampered link names nothing trusted).</summary>
    public Guid? EntitlementId { get; set; }

    public Guid? FileId { get; set; }
    public Guid? BuyerId { get; set; }
    public string? Range { get; set; }
    public int Status { get; set; }

    /// <summary>served, completed, aborted, redirected, or the refusal (tampered, expired, revoked, frozen, exhausted...).</summary>
    public string Result { get; set; } = "";

    public long Bytes { get; set; }

    /// <summary>Whether this request completed a download (sent, or handed to nginx or S3, the file's last byte).</summary>
    public bool Counted { get; set; }
}
