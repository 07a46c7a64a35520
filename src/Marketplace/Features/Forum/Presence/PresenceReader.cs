namespace Marketplace.Features.Forum.Presence;

/// <summary>
/// One reader of a thread: a member (<see cref="Key"/> <c>m:{id}</c>, however many tabs they have open) or a guest
/// (<c>g:{connectionId}</c>, each connection a reader of its own).
/// </summary>
public sealed record PresenceReader(string Key, string Name)
{
    public static PresenceReader Member(Guid memberId, string displayName) => new($"m:{memberId:N}", displayName);

    public static PresenceReader Guest(string connectionId) => new($"g:{connectionId}", "Guest");

    public bool IsGuest => Key.StartsWith("g:", StringComparison.Ordinal);
}

/// <summary>A thread's readers as <c>Presence</c> sends them: the members' names in order, the number of guests, and both together.</summary>
public sealed record PresenceView(IReadOnlyList<string> Members, int Guests)
{
    public int Count => Members.Count + Guests;

    public static PresenceView Of(IEnumerable<PresenceReader> connections)
    {
        var readers = connections.DistinctBy(r => r.Key, StringComparer.Ordinal).ToList();
        return new([.. readers.Where(r => !r.IsGuest).Select(r => r.Name).Order(StringComparer.Ordinal)], readers.Count(r => r.IsGuest));
    }
}
