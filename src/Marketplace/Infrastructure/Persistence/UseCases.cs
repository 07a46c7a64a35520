namespace Marketplace.Infrastructure.Persistence;

/// <summary>
/// The transactional edge (docs/architecture.md): endpoints and pages validate and authorize, then
/// <c>await bus.InvokeAsync&lt;TResult&gt;(command, ct, UseCases.InvokeTimeout)</c> the use case's Wolverine handler, which
/// commits its documents and its messages in one transaction.
/// </summary>
public static class UseCases
{
    /// <summary>
    /// How long a request waits for its handler. Wolverine's default (5 s) would turn a slow commit on a busy machine into
    /// a 500 while the handler goes on and commits anyway; the request's own cancellation token still ends it sooner.
    /// </summary>
    public static readonly TimeSpan InvokeTimeout = TimeSpan.FromSeconds(30);
}
