using System.Globalization;

namespace Marketplace.Pages.Shared;

/// <summary>
/// A bar chart drawn on the server as inline SVG (no charting package): one bar per point, scaled to the tallest, in a
/// 320-wide view box that stretches to its container. <c>_BarChart.cshtml</c> writes the markup, with the numbers in a
/// table under it for screen readers and anyone who wants them.
/// </summary>
public sealed record BarChart(string Id, string Title, string ValueName, IReadOnlyList<BarChart.Bar> Bars, string MaxLabel)
{
    public const int Width = 320;
    public const int Height = 120;
    private const int Top = 8;

    /// <summary>A bar's geometry (invariant-culture numbers, ready for attributes) and its point's label and value.</summary>
    public sealed record Bar(string X, string Y, string Width, string Height, string Label, string Value);

    /// <summary>A chart of <paramref name="points"/>: each a label (its day), the value its bar's height shows, and that value in words.</summary>
    public static BarChart Of(string id, string title, string valueName, IReadOnlyList<(string Label, long Value, string Text)> points)
    {
        var tallest = points.Count == 0 ? default : points.MaxBy(p => p.Value);
        var max = Math.Max(1, tallest.Value);
        var slot = (double)Width / Math.Max(1, points.Count);
        var bars = points.Select((p, i) =>
        {
            var height = Math.Max(0, p.Value) * (double)(Height - Top) / max;
            return new Bar(Number(i * slot + slot * 0.1), Number(Height - height), Number(slot * 0.8), Number(height), p.Label, p.Text);
        }).ToList();
        return new BarChart(id, title, valueName, bars, tallest.Text ?? "nothing");
    }

    private static string Number(double value) => Math.Round(value, 2).ToString(CultureInfo.InvariantCulture);
}
