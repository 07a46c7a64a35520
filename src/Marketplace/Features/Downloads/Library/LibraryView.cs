using Marketplace.Features.Downloads.Copies;
using Marketplace.Features.Orders;

namespace Marketplace.Features.Downloads.Library;

/// <summary>
/// One purchase in the buyer's library (<c>GET /api/library</c>): the product, its state (active, revoked by a refund,
/// frozen by a dispute) and its files.
/// </summary>
public sealed record LibraryItem(
    Guid EntitlementId, Guid OrderId, Guid ProductId, string Title, string ProductUrl, string State, string StateText, DateTimeOffset PurchasedAt,
    IReadOnlyList<LibraryFile> Files);

/// <summary>
/// A file of a purchase: how many downloads are left, the state of the buyer's copy (preparing, ready, unchanged: served
/// as uploaded, or refused), and where to POST for a fresh download link.
/// </summary>
public sealed record LibraryFile(
    Guid FileId, string Name, long Size, string Kind, int DownloadLimit, int CompletedDownloads, int RemainingDownloads, string Copy, string? CopyText,
    string LinkUrl);

/// <summary>The words of the library's states, for the API and the page alike.</summary>
public static class LibraryNames
{
    public static string Copy(CopyState state) => state.ToString().ToLowerInvariant();

    public static string State(EntitlementState state) => state.ToString().ToLowerInvariant();

    public static string StateText(EntitlementState state) => state switch
    {
        EntitlementState.Revoked => "Refunded: its downloads ended with the refund.",
        EntitlementState.Frozen => "Paused: the payment is disputed. Downloads come back if the dispute is settled in the seller's favour.",
        _ => "Ready to download.",
    };

    public static string? CopyText(BuyerCopy? copy) => copy switch
    {
        null or { State: CopyState.Preparing } => "Preparing your copy: it is being marked with your name.",
        { State: CopyState.Refused } refused => $"This file cannot be delivered ({refused.Note}). Contact the seller.",
        _ => null,
    };
}
