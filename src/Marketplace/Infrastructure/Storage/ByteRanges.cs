namespace Marketplace.Infrastructure.Storage;

/// <summary>The arguments of a ranged read, checked alike by every store.</summary>
internal static class ByteRanges
{
    public static void Validate(long from, long? to)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(from);
        if (to is { } last)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(last, from, nameof(to));
        }
    }
}
