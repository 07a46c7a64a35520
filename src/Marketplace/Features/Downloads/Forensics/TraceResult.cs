namespace Marketplace.Features.Downloads.Forensics;

/// <summary>What tracing a suspected leak found. Never an exception for a file's fault.</summary>
public abstract record TraceResult
{
    private TraceResult()
    {
    }

    /// <summary>The copy carries an entitlement id.</summary>
    /// <param name="EntitlementId">The buyer's entitlement the copy was made for.</param>
    /// <param name="Evidence">Where it was read ("image fingerprint", "PDF metadata", "ZIP comment", "ZIP licence file").</param>
    public sealed record Found(Guid EntitlementId, string Evidence) : TraceResult;

    /// <summary>Only the visible stamp survived (a PDF whose metadata was stripped): it names the order, not the entitlement.</summary>
    public sealed record OrderNamed(Guid OrderId, string Evidence) : TraceResult;

    /// <summary>No mark was found: a clean file, a kind that is never marked, or one that could not be read.</summary>
    public sealed record NoMark(string Message) : TraceResult;

    public const string Clean = "No mark found: this file carries no licence mark we can read.";
}
