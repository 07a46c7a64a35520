using System.Security.Cryptography;

namespace Marketplace.Tests.Infrastructure.Storage;

/// <summary>
/// An upload as a client sends it: <c>length</c> bytes, read once and never seekable, made on the fly (byte i is
/// <see cref="ByteAt"/>(i), so any range can be checked and parts in the wrong order show). <see cref="At"/> runs an
/// action when reading reaches a position, to fail, cancel or pause the upload there.
/// </summary>
public sealed class GeneratedStream(long length) : Stream
{
    private long _position;
    private long _actionAt = -1;
    private Func<ValueTask>? _action;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public static byte ByteAt(long position) => (byte)((ulong)(position + 1) * 0x9E3779B97F4A7C15UL >> 56);

    public static byte[] Bytes(long from, int count)
    {
        var bytes = new byte[count];
        for (var i = 0; i < count; i++)
        {
            bytes[i] = ByteAt(from + i);
        }

        return bytes;
    }

    public static async Task<string> Sha256Async(long length) => Convert.ToHexString(await SHA256.HashDataAsync(new GeneratedStream(length)));

    /// <summary>Runs <paramref name="action"/> (once) before the byte at <paramref name="position"/> is read.</summary>
    public GeneratedStream At(long position, Func<ValueTask> action)
    {
        (_actionAt, _action) = (position, action);
        return this;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_position == _actionAt && _action is { } action)
        {
            _action = null;
            await action();
        }

        cancellationToken.ThrowIfCancellationRequested();
        return Fill(buffer.Span);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int Fill(Span<byte> buffer)
    {
        // A read stops at the action's position, so the action runs before the first byte after it.
        var end = _action is not null && _actionAt > _position ? Math.Min(length, _actionAt) : length;
        var count = (int)Math.Min(buffer.Length, end - _position);
        for (var i = 0; i < count; i++)
        {
            buffer[i] = ByteAt(_position + i);
        }

        _position += count;
        return count;
    }
}
