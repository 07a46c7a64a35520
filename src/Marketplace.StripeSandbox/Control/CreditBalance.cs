using FluentValidation;
using Marketplace.StripeSandbox.Balances;
using Marketplace.StripeSandbox.Connect;
using Marten;

namespace Marketplace.StripeSandbox.Control;

/// <summary>
/// <c>POST /stripe-sandbox/control/accounts/{accountId}/balance</c> <c>{"amount": 5000, "currency": "usd", "pending": false}</c>:
/// adds funds to an account's available (or pending) balance, as settled sales would. Answers the Stripe balance.
/// </summary>
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

    public static void Map(IEndpointRouteBuilder control) =>
        control.MapPost("/accounts/{accountId}/balance", HandleAsync).Validate<Request>();

    public static async Task<IResult> HandleAsync(string accountId, Request request, IDocumentSession session, CancellationToken ct)
    {
        var account = await session.LoadAsync<SandboxAccount>(accountId, ct);
        if (account is null)
        {
            return ControlProblems.NoSuchAccount(accountId);
        }

        var balance = await SandboxBalance.LoadAsync(session, account.Id, ct, account.DefaultCurrency);
        balance.Credit(request.Amount, (request.Currency ?? account.DefaultCurrency).ToLowerInvariant(), request.Pending);
        session.Store(balance);
        await session.SaveChangesAsync(ct);
        return StripeObjectResult.Of(balance.Render());
    }
}
