using FluentValidation;
using Marketplace.StripeSandbox.Connect;
using Marketplace.StripeSandbox.Payouts;
using Marketplace.StripeSandbox.Wire;
using Marten;
using Wolverine;
using Wolverine.Attributes;

namespace Marketplace.StripeSandbox.Control;

/// <summary>
/// <c>POST /stripe-sandbox/control/accounts/{accountId}/payouts</c>
/// <c>{"amount": 1000, "currency": "usd", "outcome": "paid" | "failed", "failureCode": "account_closed"}</c>: a payout of
/// the account (its balance topped up first when short), then <c>payout.created</c> and <c>payout.paid</c> or
/// <c>payout.failed</c>. Answers the Stripe payout as created (pending).
/// </summary>
[WolverineHandler]
public static class TriggerPayout
{
    public sealed record Request(long Amount = 1000, string? Currency = null, string Outcome = "paid", string? FailureCode = null);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(x => x.Amount).InclusiveBetween(1, 99_999_999);
            RuleFor(x => x.Currency).Matches("^[a-zA-Z]{3}$").When(x => x.Currency is not null);
            RuleFor(x => x.Outcome).Must(outcome => outcome is "paid" or "failed").WithMessage("Outcome is paid or failed.");
            RuleFor(x => x.FailureCode).Must(code => code is null || SandboxPayouts.FailureMessages.ContainsKey(code))
                .WithMessage($"Failure code is one of {string.Join(", ", SandboxPayouts.FailureMessages.Keys)}.");
        }
    }

    public sealed record Command(string AccountId, Request Request);

    public static void Map(IEndpointRouteBuilder control) =>
        control.MapPost("/accounts/{accountId}/payouts", PostAsync).Validate<Request>();

    public static async Task<IResult> PostAsync(string accountId, Request request, IMessageBus bus, CancellationToken ct)
    {
        try
        {
            return await bus.InvokeAsync<IResult>(new Command(accountId, request), ct, SandboxTransaction.InvokeTimeout);
        }
        catch (StripeApiException refusal)
        {
            return ControlProblems.Refused(refusal); // thrown by the handler: nothing was committed
        }
    }

    public static async Task<IResult> HandleAsync(Command command, IDocumentSession session, IMessageContext messages, TimeProvider clock, CancellationToken ct)
    {
        var account = await session.LoadAsync<SandboxAccount>(command.AccountId, ct);
        if (account is null || account.Deauthorized)
        {
            return ControlProblems.NoSuchAccount(command.AccountId);
        }

        var request = command.Request;
        var payout = await SandboxPayouts.CreateAsync(await SandboxTransaction.BeginAsync(session, messages, clock, ct), account,
            new PayoutRequest(request.Amount, request.Currency ?? account.DefaultCurrency, request.Outcome, request.FailureCode) { TopUp = true }, ct);
        return StripeObjectResult.Of(payout.Render());
    }
}
