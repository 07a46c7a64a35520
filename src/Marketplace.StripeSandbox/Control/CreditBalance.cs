using FluentValidation;
using Marketplace.StripeSandbox.Balances;
using Marketplace.StripeSandbox.Connect;
using Marketplace.StripeSandbox.Payments;
using Marten;
using Wolverine;
using Wolverine.Attributes;

namespace Marketplace.StripeSandbox.Control;

/// <summary>
/// <c>POST /stripe-sandbox/control/accounts/{accountId}/balance</c> <c>{"amount": 5000, "currency": "usd", "pending": false}</c>:
/// adds funds to an account's available balance, or to its pending balance until the sandbox's clock passes the
/// settlement delay, as a sale would, through an <c>adjustment</c> balance transaction. Answers the Stripe balance.
/// </summary>
[WolverineHandler]
public static class CreditBalance
{
    public sealed record Request(long Amount, string? Currency = null, bool Pending = false);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(x => x.Amount).NotEqual(0).InclusiveBetween(-99_999_999, 99_999_999);
            RuleFor(x => x.Currency).Matches("^[a-zA-Z]{3}$").When(x => x.Currency is not null);
        }
    }

    public sealed record Command(string AccountId, Request Request);

    public static void Map(IEndpointRouteBuilder control) =>
        control.MapPost("/accounts/{accountId}/balance", PostAsync).Validate<Request>();

    public static Task<IResult> PostAsync(string accountId, Request request, IMessageBus bus, CancellationToken ct) =>
        bus.InvokeAsync<IResult>(new Command(accountId, request), ct, SandboxTransaction.InvokeTimeout);

    public static async Task<IResult> HandleAsync(Command command, IDocumentSession session, IMessageContext messages, TimeProvider clock, CancellationToken ct)
    {
        var account = await session.LoadAsync<SandboxAccount>(command.AccountId, ct);
        if (account is null)
        {
            return ControlProblems.NoSuchAccount(command.AccountId);
        }

        var transaction = await SandboxTransaction.BeginAsync(session, messages, clock, ct);
        var request = command.Request;
        var availableOn = request.Pending ? transaction.UnixNow + (long)ChargeFunds.SettlementDelay.TotalSeconds : transaction.UnixNow;
        await transaction.Ledger.ChangeAsync(account.Id, ct, account.DefaultCurrency); // a first balance takes the account's currency
        await transaction.Ledger.PostAsync(new Posting(account.Id, request.Amount, (request.Currency ?? account.DefaultCurrency).ToLowerInvariant(),
            "adjustment", null) { AvailableOn = availableOn, Description = "Sandbox credit" }, ct);
        return StripeObjectResult.Of((await transaction.Ledger.BalanceAsync(account.Id, ct)).Render());
    }
}
