namespace Marketplace.Infrastructure.Storage;

/// <summary>What the store knows about one blob: its key, its length in bytes, the content type it was stored with, and when it was written.</summary>
public sealed record StoredBlob(string Key, long Size, string ContentType, DateTimeOffset LastModified);
