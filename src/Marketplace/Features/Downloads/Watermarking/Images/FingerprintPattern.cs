using System.Buffers.Binary;
using System.IO.Hashing;
using System.Security.Cryptography;

namespace Marketplace.Features.Downloads.Watermarking.Images;

/// <summary>
/// The secret layout of the invisible fingerprint, derived from the key: a tile of 32 × 32 cells of 8 × 8 pixels
/// (256 pixels square, repeated over the whole image), each cell carrying one chip of ±1 of a pseudo-random
/// spreading sequence and assigned to one of the 160 payload bits. The payload is the entitlement id (128 bits)
/// and its CRC-32, whitened with a key-derived mask.
/// </summary>
/// <remarks>
/// The spreading sequence is the spread-spectrum part (a bit is the sign of its cells' correlation with their chips,
/// so the image's own content, uncorrelated with the chips, averages out); each bit is repeated over 6 or 7 cells of
/// every tile and every tile of the image (a repetition code decoded by soft majority: the summed correlation); the
/// CRC-32 tells a real mark from noise (a random decode passes once in 4 billion). Without the key the chips cannot
/// be told from noise, and with another key they correlate with nothing.
/// </remarks>
public sealed class FingerprintPattern
{
    public const int CellSize = 8;
    public const int CellsPerSide = 32;
    public const int Cells = CellsPerSide * CellsPerSide;
    public const int Period = CellSize * CellsPerSide;
    public const int PayloadBits = 160;

    private readonly byte[] _mask;

    public FingerprintPattern(ReadOnlySpan<byte> key)
    {
        var seed = HMACSHA256.HashData(key, "marketplace-fingerprint-v1"u8);
        var random = new SplitMix(BinaryPrimitives.ReadUInt64LittleEndian(seed));
        Chips = new sbyte[Cells];
        BitOfCell = new byte[Cells];
        var order = Enumerable.Range(0, Cells).ToArray();
        for (var i = Cells - 1; i > 0; i--)
        {
            var j = (int)(random.Next() % (ulong)(i + 1));
            (order[i], order[j]) = (order[j], order[i]);
        }

        for (var k = 0; k < Cells; k++)
        {
            BitOfCell[order[k]] = (byte)(k % PayloadBits);
            Chips[k] = (random.Next() & 1) == 0 ? (sbyte)-1 : (sbyte)1;
        }

        _mask = new byte[PayloadBits / 8];
        BinaryPrimitives.WriteUInt64LittleEndian(_mask, random.Next());
        BinaryPrimitives.WriteUInt64LittleEndian(_mask.AsSpan(8), random.Next());
        BinaryPrimitives.WriteUInt32LittleEndian(_mask.AsSpan(16), (uint)random.Next());
    }

    /// <summary>The spreading chip (±1) of each cell, row by row.</summary>
    public sbyte[] Chips { get; }

    /// <summary>Which payload bit each cell carries.</summary>
    public byte[] BitOfCell { get; }

    /// <summary>The sign (±1) each cell adds to the luminance for <paramref name="id"/>.</summary>
    public sbyte[] SignsFor(Guid id)
    {
        var payload = Payload(id);
        var signs = new sbyte[Cells];
        for (var cell = 0; cell < Cells; cell++)
        {
            var bit = (payload[BitOfCell[cell] / 8] >> (BitOfCell[cell] % 8)) & 1;
            signs[cell] = (sbyte)(bit == 1 ? Chips[cell] : -Chips[cell]);
        }

        return signs;
    }

    /// <summary>Bits whose correlation is weakest are tried both ways: 2^8 candidates, each checked by the CRC.</summary>
    public const int UnreliableBits = 8;

    /// <summary>
    /// The id the bits' correlations carry (a bit is the sign of its correlation), or null when no candidate's CRC
    /// matches (no mark, or not this key's). Soft decoding: the <see cref="UnreliableBits"/> weakest bits are the
    /// likely errors, so every combination of them is tried; a random payload then passes 2^8 / 2^32 of the time.
    /// </summary>
    public Guid? Decode(ReadOnlySpan<double> correlations)
    {
        var payload = new byte[PayloadBits / 8];
        for (var bit = 0; bit < PayloadBits; bit++)
        {
            payload[bit / 8] |= (byte)((correlations[bit] > 0 ? 1 : 0) << (bit % 8));
        }

        for (var i = 0; i < payload.Length; i++)
        {
            payload[i] ^= _mask[i];
        }

        var weakest = correlations.ToArray().Select((correlation, bit) => (Math.Abs(correlation), bit))
            .OrderBy(pair => pair.Item1).Take(UnreliableBits).Select(pair => pair.bit).ToArray();
        for (var flips = 0; flips < 1 << UnreliableBits; flips++)
        {
            var candidate = (byte[])payload.Clone();
            for (var k = 0; k < UnreliableBits; k++)
            {
                if ((flips >> k & 1) == 1)
                {
                    candidate[weakest[k] / 8] ^= (byte)(1 << (weakest[k] % 8));
                }
            }

            if (Crc32.HashToUInt32(candidate.AsSpan(0, 16)) == BinaryPrimitives.ReadUInt32LittleEndian(candidate.AsSpan(16)))
            {
                return new Guid(candidate.AsSpan(0, 16));
            }
        }

        return null;
    }

    private byte[] Payload(Guid id)
    {
        var payload = new byte[PayloadBits / 8];
        id.TryWriteBytes(payload);
        BinaryPrimitives.WriteUInt32LittleEndian(payload.AsSpan(16), Crc32.HashToUInt32(payload.AsSpan(0, 16)));
        for (var i = 0; i < payload.Length; i++)
        {
            payload[i] ^= _mask[i];
        }

        return payload;
    }

    /// <summary>SplitMix64: a small, fixed generator, so the layout never changes with the runtime's.</summary>
    private struct SplitMix(ulong state)
    {
        public ulong Next()
        {
            var z = state += 0x9E3779B97F4A7C15;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
            return z ^ (z >> 31);
        }
    }
}
