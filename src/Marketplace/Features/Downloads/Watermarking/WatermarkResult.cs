namespace Marketplace.Features.Downloads.Watermarking;

/// <summary>Why a file could not be marked; the caller decides what the buyer gets instead.</summary>
public enum WatermarkRefusal
{
    /// <summary>An encrypted PDF: its pages cannot be stamped (serve it unstamped with the seller's consent, or refuse).</summary>
    Encrypted,

    /// <summary>The file does not parse as what its kind says (truncated, damaged).</summary>
    Damaged,

    /// <summary>It parses, but holds something the engine will not copy (a path climbing out of an archive, ZIP64).</summary>
    Unsupported,
}

/// <summary>What an <see cref="IWatermarker"/> did with a file. Never an exception for a file's fault.</summary>
public abstract record WatermarkResult
{
    private WatermarkResult()
    {
    }

    /// <summary>The destination holds the marked copy.</summary>
    /// <param name="What">What was marked, for logs ("stamped 300 pages").</param>
    public sealed record Marked(string What) : WatermarkResult;

    /// <summary>The destination holds the file exactly as it was: its kind carries no mark.</summary>
    public sealed record Unchanged : WatermarkResult;

    /// <summary>Nothing usable was written to the destination.</summary>
    /// <param name="Reason">The kind of refusal, for the caller's decision.</param>
    /// <param name="Message">What a person reads, e.g. "cannot stamp: encrypted".</param>
    public sealed record Refused(WatermarkRefusal Reason, string Message) : WatermarkResult;
}
