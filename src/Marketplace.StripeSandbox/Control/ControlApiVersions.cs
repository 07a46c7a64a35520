using FluentValidation;
using Marketplace.StripeSandbox.Events;
using Marten;

namespace Marketplace.StripeSandbox.Control;

/// <summary>
/// <c>/stripe-sandbox/control/api-versions</c>: read (GET) or set (POST) the account's default API version and the
/// webhook endpoint's pinned one, which the <c>api_version</c> of events made from then on follows (an empty string
/// puts a version back to its default). Events already made keep theirs, as on Stripe.
/// </summary>
public static class ControlApiVersions
{
    public sealed record Request(string? AccountDefault, string? WebhookEndpoint);

    public sealed record Response(string? AccountDefault, string? WebhookEndpoint, string ForEvents);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(x => x.AccountDefault).Matches(Version).When(x => !string.IsNullOrEmpty(x.AccountDefault));
            RuleFor(x => x.WebhookEndpoint).Matches(Version).When(x => !string.IsNullOrEmpty(x.WebhookEndpoint));
        }
    }

    /// <summary>Stripe's version names: a date, with a release name since 2024-09-30 (<c>2025-03-31.basil</c>).</summary>
    private const string Version = @"^\d{4}-\d{2}-\d{2}(\.[a-z]+)?$";

    public static void Map(IEndpointRouteBuilder control)
    {
        control.MapGet("/api-versions", async (IQuerySession session, CancellationToken ct) => View(await SandboxApiVersions.LoadAsync(session, ct)));
        control.MapPost("/api-versions", SetAsync).Validate<Request>();
    }

    public static async Task<IResult> SetAsync(Request request, IDocumentSession session, CancellationToken ct)
    {
        var versions = await SandboxApiVersions.LoadAsync(session, ct);
        versions.AccountDefault = request.AccountDefault is null ? versions.AccountDefault : NullIfEmpty(request.AccountDefault);
        versions.WebhookEndpoint = request.WebhookEndpoint is null ? versions.WebhookEndpoint : NullIfEmpty(request.WebhookEndpoint);
        session.Store(versions);
        await session.SaveChangesAsync(ct);
        return View(versions);
    }

    private static IResult View(SandboxApiVersions versions) => TypedResults.Ok(new Response(versions.AccountDefault, versions.WebhookEndpoint, versions.ForEvents));

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
