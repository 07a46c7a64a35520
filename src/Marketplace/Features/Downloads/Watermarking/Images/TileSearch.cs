namespace Marketplace.Features.Downloads.Watermarking.Images;

/// <summary>
/// Finds where the tile starts in a folded copy (a crop moves it anywhere) and reads the payload there: for every
/// shift, each bit's correlation is the sum over its cells of chip × the cell's folded residual; at the right shift
/// these are large (their sign is the bit), elsewhere they are noise, so the sum of their magnitudes peaks.
/// </summary>
public static class TileSearch
{
    private const int P = FingerprintPattern.Period, C = FingerprintPattern.CellSize, N = FingerprintPattern.CellsPerSide;

    /// <summary>For every position of the folded tile, the sum of the cell that would start there (cyclic).</summary>
    private static double[] CellWindows(double[] folded)
    {
        var across = new double[P * P];
        var windows = new double[P * P];
        for (var v = 0; v < P; v++)
        {
            for (var u = 0; u < P; u++)
            {
                double sum = 0;
                for (var k = 0; k < C; k++)
                {
                    sum += folded[(v * P) + ((u + k) & (P - 1))];
                }

                across[(v * P) + u] = sum;
            }
        }

        for (var v = 0; v < P; v++)
        {
            for (var u = 0; u < P; u++)
            {
                double sum = 0;
                for (var k = 0; k < C; k++)
                {
                    sum += across[(((v + k) & (P - 1)) * P) + u];
                }

                windows[(v * P) + u] = sum;
            }
        }

        return windows;
    }

    /// <summary>Searches the tile's shift (every second pixel, then the neighbours of the best) and decodes there.</summary>
    public static Guid? Decode(double[] folded, FingerprintPattern pattern)
    {
        var windows = CellWindows(folded);
        var correlations = new double[FingerprintPattern.PayloadBits];
        (int X, int Y, double Score) best = (0, 0, -1);
        for (var dy = 0; dy < P; dy += 2)
        {
            for (var dx = 0; dx < P; dx += 2)
            {
                var score = Correlate(windows, pattern, dx, dy, correlations);
                best = score > best.Score ? (dx, dy, score) : best;
            }
        }

        var (centreX, centreY) = (best.X, best.Y);
        for (var dy = -1; dy <= 1; dy++)
        {
            for (var dx = -1; dx <= 1; dx++)
            {
                var (x, y) = ((centreX + dx) & (P - 1), (centreY + dy) & (P - 1));
                var score = Correlate(windows, pattern, x, y, correlations);
                best = score > best.Score ? (x, y, score) : best;
            }
        }

        Correlate(windows, pattern, best.X, best.Y, correlations);
        return pattern.Decode(correlations);
    }

    private static double Correlate(double[] windows, FingerprintPattern pattern, int dx, int dy, double[] correlations)
    {
        Array.Clear(correlations);
        var (chips, bits) = (pattern.Chips, pattern.BitOfCell);
        for (var cy = 0; cy < N; cy++)
        {
            var row = (((cy * C) + dy) & (P - 1)) * P;
            for (var cx = 0; cx < N; cx++)
            {
                var cell = (cy * N) + cx;
                correlations[bits[cell]] += chips[cell] * windows[row + (((cx * C) + dx) & (P - 1))];
            }
        }

        double score = 0;
        foreach (var correlation in correlations)
        {
            score += Math.Abs(correlation);
        }

        return score;
    }
}
