using Microsoft.Win32.SafeHandles;

namespace Marketplace.Features.Downloads.Serving;

/// <summary>
/// Sends a byte range of a file straight into Kestrel's response pipe: each read lands in the memory the pipe will
/// write to the socket, in large chunks. <c>SendFileAsync</c> copies through a 16 KiB buffer into the body stream,
/// which on a gigabyte costs tens of thousands of copies and flushes (docs/performance.md#downloads).
/// </summary>
public static class DiskRangeSender
{
    public const int ChunkSize = 256 * 1024;

    public static async Task SendAsync(HttpResponse response, string path, long from, long length, CancellationToken ct)
    {
        using SafeFileHandle file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete,
            FileOptions.Asynchronous | FileOptions.SequentialScan);
        var writer = response.BodyWriter;
        await response.StartAsync(ct);
        for (long offset = from, end = from + length; offset < end;)
        {
            var memory = writer.GetMemory((int)Math.Min(ChunkSize, end - offset));
            var wanted = memory[..(int)Math.Min(memory.Length, end - offset)];
            var read = await RandomAccess.ReadAsync(file, wanted, offset, ct);
            if (read == 0)
            {
                throw new IOException($"{path} ended at {offset}, before the {end} bytes its download promised.");
            }

            writer.Advance(read);
            offset += read;
            var flushed = await writer.FlushAsync(ct);
            if (flushed.IsCanceled || flushed.IsCompleted)
            {
                throw new OperationCanceledException("The client stopped reading.", ct);
            }
        }
    }
}
