namespace Marketplace.Infrastructure.Web;

/// <summary>
/// Page numbers and sizes from a query string, clamped so that any value (0, negative, 999999999) reads a real or an
/// empty page: the offset <c>(page - 1) × size</c> stays far inside an <see cref="int"/>.
/// </summary>
public static class Paging
{
    /// <summary>The last page any list serves; past it, lists are empty (nobody pages that far; search instead).</summary>
    public const int MaxPage = 10_000;

    public static int Number(int? page) => Math.Clamp(page ?? 1, 1, MaxPage);

    public static int Size(int? size, int fallback, int max) => Math.Clamp(size ?? fallback, 1, max);
}
