namespace Marketplace.Infrastructure.Web;

/// <summary>
/// Set as a request feature by an endpoint that answers a person's browser with an error status and no body: the error
/// page (re-executed for the status) shows this title and explanation, and the action when there is one, instead of
/// the status's generic words.
/// </summary>
public sealed record ErrorExplanation(string Title, string Explanation, string? ActionText = null, string? ActionUrl = null);
