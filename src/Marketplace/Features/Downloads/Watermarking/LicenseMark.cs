namespace Marketplace.Features.Downloads.Watermarking;

/// <summary>Who a copy is made for: what every watermark names (buyer, order) and carries (the entitlement id).</summary>
/// <param name="EntitlementId">The buyer's right to the product, recovered by tracing a leaked copy.</param>
/// <param name="OrderId">The order the product was bought in, named on the copy.</param>
/// <param name="BuyerName">The buyer's name as shown on the copy.</param>
/// <param name="BuyerEmail">The buyer's email as shown on the copy.</param>
/// <param name="ProductTitle">The product's title, in the licence text of archives.</param>
public sealed record LicenseMark(Guid EntitlementId, Guid OrderId, string BuyerName, string BuyerEmail, string ProductTitle)
{
    /// <summary>The line stamped on PDF pages and drawn on images.</summary>
    public string Line => $"Licensed to {BuyerName} {BuyerEmail} · order {OrderId}";
}
