using System.Text.Json.Nodes;
using Marketplace.StripeSandbox.Connect;
using Marten;
using Wolverine;
using Wolverine.Attributes;

namespace Marketplace.StripeSandbox.Control;

/// <summary>
/// <c>POST /stripe-sandbox/control/accounts/{accountId}/deauthorize</c>: the account disconnects from the platform,
/// as when its owner revokes access: <c>account.application.deauthorized</c>, and the platform's calls for the
/// account are refused from then on.
/// </summary>
[WolverineHandler]
public static class DeauthorizeAccount
{
    public sealed record Response(string AccountId, string EventId);

    public sealed record Command(string AccountId);

    public static void Map(IEndpointRouteBuilder control) => control.MapPost("/accounts/{accountId}/deauthorize", PostAsync);

    public static Task<IResult> PostAsync(string accountId, IMessageBus bus, CancellationToken ct) =>
        bus.InvokeAsync<IResult>(new Command(accountId), ct, SandboxTransaction.InvokeTimeout);

    public static async Task<IResult> HandleAsync(Command command, IDocumentSession session, IMessageContext messages, TimeProvider clock, CancellationToken ct)
    {
        var account = await session.LoadAsync<SandboxAccount>(command.AccountId, ct);
        if (account is null || account.Deauthorized)
        {
            return ControlProblems.NoSuchAccount(command.AccountId);
        }

        account.Deauthorized = true;
        session.Update(account);
        var application = new JsonObject { ["id"] = SandboxApplication.Id, ["object"] = "application", ["name"] = "Marketplace" };
        var stripeEvent = await (await SandboxTransaction.BeginAsync(session, messages, clock, ct)).EmitAsync("account.application.deauthorized", application, account.Id);
        return TypedResults.Ok(new Response(account.Id, stripeEvent.Id));
    }
}
