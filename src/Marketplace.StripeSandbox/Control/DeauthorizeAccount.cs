using System.Text.Json.Nodes;
using Marketplace.StripeSandbox.Connect;
using Marten;
using Wolverine.Marten;

namespace Marketplace.StripeSandbox.Control;

/// <summary>
/// <c>POST /stripe-sandbox/control/accounts/{accountId}/deauthorize</c>: the account disconnects from the platform,
/// as when its owner revokes access: <c>account.application.deauthorized</c>, and the platform's calls for the
/// account are refused from then on.
/// </summary>
public static class DeauthorizeAccount
{
    public sealed record Response(string AccountId, string EventId);

    public static void Map(IEndpointRouteBuilder control) => control.MapPost("/accounts/{accountId}/deauthorize", HandleAsync);

    public static async Task<IResult> HandleAsync(
        string accountId, IDocumentSession session, IMartenOutbox outbox, TimeProvider clock, CancellationToken ct)
    {
        var account = await session.LoadAsync<SandboxAccount>(accountId, ct);
        if (account is null || account.Deauthorized)
        {
            return ControlProblems.NoSuchAccount(accountId);
        }

        outbox.Enroll(session);
        account.Deauthorized = true;
        session.Update(account);
        var application = new JsonObject { ["id"] = "ca_marketplace_sandbox", ["object"] = "application", ["name"] = "Marketplace" };
        var stripeEvent = await new SandboxTransaction(session, outbox, clock).EmitAsync("account.application.deauthorized", application, account.Id);
        await session.SaveChangesAsync(ct);
        return TypedResults.Ok(new Response(account.Id, stripeEvent.Id));
    }
}
