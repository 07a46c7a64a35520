namespace Marketplace.Pages.Shared;

/// <summary>
/// A rate-limited form (<see cref="LimitedFormAttribute"/>) whose content is checked before it counts: an empty or too
/// long form is told what is wrong, never that it was sent too often.
/// </summary>
public interface ICheckedForm
{
    /// <summary>Whether what was posted passes the use case's validator (the handler checks again and says why not).</summary>
    Task<bool> IsContentValidAsync(CancellationToken ct);
}
