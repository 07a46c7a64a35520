using Marketplace.Infrastructure.Images;

namespace Marketplace.Tests.Infrastructure.Files;

/// <summary>
/// ZIP's CRC-32 (PNG's, <see cref="PngCrc"/>), and the CRC of any number of zero bytes without reading them: a bomb's
/// gigabytes of zeros get the right CRC in microseconds, so a reader that checks it finds nothing wrong.
/// </summary>
public static class Crc32
{
    private const uint Polynomial = 0xEDB88320;

    public static uint Of(byte[] bytes) => PngCrc.Of(bytes);

    /// <summary>
    /// Zero bytes leave the raw CRC register at zero, so all that remains of the CRC is its starting value
    /// (0xFFFFFFFF) multiplied by x^(8n) modulo the polynomial, then inverted.
    /// </summary>
    public static uint OfZeros(long count) => ~MultiplyModP(XToThe8NModP(count), 0xFFFFFFFF);

    /// <summary>a × b modulo the CRC polynomial, in the reflected bit order CRC-32 uses (as zlib's multmodp).</summary>
    private static uint MultiplyModP(uint a, uint b)
    {
        var m = 1u << 31;
        var product = 0u;
        while (true)
        {
            if ((a & m) != 0)
            {
                product ^= b;
                if ((a & (m - 1)) == 0)
                {
                    return product;
                }
            }

            m >>= 1;
            b = (b & 1) != 0 ? (b >> 1) ^ Polynomial : b >> 1;
        }
    }

    /// <summary>x^(8n) modulo the polynomial, by squaring (as zlib's x2nmodp with k = 3).</summary>
    private static uint XToThe8NModP(long n)
    {
        var power = 1u << 31; // x^0
        var square = 1u << 30; // x^1
        for (var k = 0; k < 3; k++)
        {
            square = MultiplyModP(square, square); // x^(2^k) for k = 1, 2, 3: x^8 is one byte
        }

        for (; n > 0; n >>= 1)
        {
            if ((n & 1) != 0)
            {
                power = MultiplyModP(square, power);
            }

            square = MultiplyModP(square, square);
        }

        return power;
    }
}
