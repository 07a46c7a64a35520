namespace Marketplace.StripeSandbox.Events;

/// <summary>
/// Delivery faults set through the control API, kept per process: each event delivered while they are set is sent
/// <c>duplicate</c> times at once, after <c>delay</c>, with its first <c>failFirst</c> rounds treated as failed;
/// <c>reorder</c> holds that many events and then delivers them newest first (once).
/// </summary>
public sealed class SandboxFaults
{
    private readonly Lock _lock = new();
    private readonly List<HeldEvent> _held = [];
    private int _duplicate = 1;
    private TimeSpan _delay;
    private int _failFirst;
    private int _reorder;

    public sealed record View(int Duplicate, int DelayMs, int FailFirst, int Reorder, IReadOnlyList<string> Held);

    /// <summary>What the first round of one event gets: copies, rounds to fail, and the wait before it.</summary>
    public sealed record Plan(int Copies, int FailFirst, TimeSpan Delay);

    private sealed record HeldEvent(string Id, DateTimeOffset CreatedAt);

    public View Current
    {
        get
        {
            lock (_lock)
            {
                return new View(_duplicate, (int)_delay.TotalMilliseconds, _failFirst, _reorder, [.. _held.Select(held => held.Id)]);
            }
        }
    }

    /// <summary>Sets the faults given (null leaves one as it is).</summary>
    public void Set(int? duplicate, TimeSpan? delay, int? failFirst, int? reorder)
    {
        lock (_lock)
        {
            _duplicate = duplicate ?? _duplicate;
            _delay = delay ?? _delay;
            _failFirst = failFirst ?? _failFirst;
            _reorder = reorder ?? _reorder;
        }
    }

    /// <summary>Clears every fault and returns the events still held for reordering, to be delivered now.</summary>
    public IReadOnlyList<string> Clear()
    {
        lock (_lock)
        {
            var held = _held.Select(h => h.Id).ToList();
            _held.Clear();
            (_duplicate, _delay, _failFirst, _reorder) = (1, TimeSpan.Zero, 0, 0);
            return held;
        }
    }

    public Plan PlanFirstRound()
    {
        lock (_lock)
        {
            return new Plan(_duplicate, _failFirst, _delay);
        }
    }

    /// <summary>
    /// Offers an event to the reorder fault: null when it is off (deliver as usual), empty when the event is held,
    /// else the whole held batch, newest first, to deliver now (the fault then ends).
    /// </summary>
    public IReadOnlyList<string>? OfferForReorder(string eventId, DateTimeOffset createdAt)
    {
        lock (_lock)
        {
            if (_reorder <= 0)
            {
                return null;
            }

            if (_held.All(held => held.Id != eventId))
            {
                _held.Add(new HeldEvent(eventId, createdAt));
            }

            if (_held.Count < _reorder)
            {
                return [];
            }

            var batch = _held.OrderByDescending(held => held.CreatedAt).Select(held => held.Id).ToList();
            _held.Clear();
            _reorder = 0;
            return batch;
        }
    }
}
