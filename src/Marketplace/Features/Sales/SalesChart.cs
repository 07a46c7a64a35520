using Marketplace.Infrastructure.Payments;

namespace Marketplace.Features.Sales;

/// <summary>The daily net revenue as bars of an SVG drawn on the server: geometry only, the page writes the markup.</summary>
public sealed record SalesChart(IReadOnlyList<SalesChart.Bar> Bars, long Max, string MaxLabel)
{
    public const int Width = 720;
    public const int Height = 200;
    public const int Top = 16;

    public sealed record Bar(double X, double Y, double Width, double Height, string Label);

    public static SalesChart Of(GetShopSales.Response sales)
    {
        var max = Math.Max(1, sales.Days.Max(d => d.Net));
        var slot = (double)Width / sales.Days.Count;
        var bars = sales.Days.Select((d, i) =>
        {
            var height = Math.Max(0, d.Net) * (double)(Height - Top) / max;
            return new Bar(Math.Round(i * slot + slot * 0.1, 2), Math.Round(Height - height, 2), Math.Round(slot * 0.8, 2), Math.Round(height, 2),
                $"{d.Date:yyyy-MM-dd}: {Money.Format(d.Net, sales.Currency)} net");
        }).ToList();
        return new SalesChart(bars, max, Money.Format(max, sales.Currency));
    }
}
