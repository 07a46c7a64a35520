namespace Marketplace.Infrastructure.Files;

/// <summary>
/// A read-only view of <c>length</c> bytes of a file from <c>start</c>: one archive entry's packed bytes, so its
/// decompressor cannot read past them into the next entry.
/// </summary>
public sealed class FileWindow(FileStream file, long start, long length) : Stream
{
    private long _position;

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var count = (int)Math.Min(buffer.Length, length - _position);
        if (count <= 0)
        {
            return 0;
        }

        file.Position = start + _position; // the file may have been read elsewhere between two reads
        var read = await file.ReadAsync(buffer[..count], cancellationToken);
        _position += read;
        return read;
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        count = (int)Math.Min(count, length - _position);
        if (count <= 0)
        {
            return 0;
        }

        file.Position = start + _position;
        var read = file.Read(buffer, offset, count);
        _position += read;
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
