using Marketplace.StripeSandbox.Balances;
using Marketplace.StripeSandbox.Connect;
using Marketplace.StripeSandbox.Wire;

namespace Marketplace.StripeSandbox.Payouts;

/// <summary>What a payout needs, wherever it is asked for (the API, the control API, the Express dashboard).</summary>
public sealed record PayoutRequest(long Amount, string Currency, string Outcome = "paid", string? FailureCode = null, string? Description = null)
{
    public Dictionary<string, string> Metadata { get; init; } = [];

    public string? StatementDescriptor { get; init; }

    public string Method { get; init; } = "standard";

    /// <summary>For test payouts: first add whatever the available balance lacks, as if sales had settled.</summary>
    public bool TopUp { get; init; }
}

/// <summary>
/// Creating payouts: checks the account may be paid out and has the funds, takes them from its available balance,
/// emits <c>payout.created</c>, and queues the payout's settlement (<c>payout.paid</c> or <c>payout.failed</c>).
/// </summary>
public static class SandboxPayouts
{
    public static readonly IReadOnlyDictionary<string, string> FailureMessages = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["account_closed"] = "The bank account has been closed.",
        ["account_frozen"] = "The bank account has been frozen.",
        ["insufficient_funds"] = "Your Stripe account has insufficient funds to cover the payout.",
        ["invalid_account_number"] = "The bank account number seems to be invalid.",
        ["no_account"] = "The bank account details on file are probably incorrect. No bank account could be located with those details.",
        ["could_not_process"] = "The bank could not process this payout.",
    };

    public static async Task<SandboxPayout> CreateAsync(SandboxTransaction transaction, SandboxAccount? account, PayoutRequest request, CancellationToken ct)
    {
        if (request.Amount <= 0)
        {
            throw StripeApiException.Invalid("amount", "Invalid positive integer: amount must be greater than 0.");
        }

        if (account is { PayoutsEnabled: false })
        {
            throw new StripeApiException(StatusCodes.Status400BadRequest,
                "Your destination account needs to have at least one of the following capabilities enabled: transfers. Payouts are not enabled for this account.",
                "payouts_not_allowed");
        }

        var currency = request.Currency.ToLowerInvariant();
        await SandboxFunds.SettleDueAsync(transaction, account?.Id, ct);
        var balance = await transaction.Ledger.ChangeAsync(account?.Id, ct, account?.DefaultCurrency ?? "usd");
        if (request.TopUp && balance.AvailableIn(currency) < request.Amount)
        {
            balance.Credit(request.Amount - balance.AvailableIn(currency), currency);
        }

        if (balance.AvailableIn(currency) < request.Amount)
        {
            throw new StripeApiException(StatusCodes.Status400BadRequest,
                "You have insufficient funds in your Stripe account for this transfer. Your card balance is too low.", "balance_insufficient");
        }

        var now = transaction.Now;
        var created = now.ToUnixTimeSeconds();
        var payout = new SandboxPayout
        {
            Id = SandboxIds.New("po"),
            Account = account?.Id,
            Amount = request.Amount,
            Currency = currency,
            Created = created,
            ArrivalDate = created + (long)TimeSpan.FromDays(2).TotalSeconds,
            Description = request.Description ?? "STRIPE PAYOUT",
            StatementDescriptor = request.StatementDescriptor,
            Method = request.Method,
            Destination = account?.BankAccountId,
            Metadata = request.Metadata,
            IntendedOutcome = request.Outcome,
            IntendedFailureCode = request.Outcome == "failed" ? request.FailureCode ?? "account_closed" : null,
        };
        payout.BalanceTransaction = (await transaction.Ledger.PostAsync(new Posting(payout.Account, -payout.Amount, currency, "payout", payout.Id), ct)).Id;
        transaction.Session.Insert(payout);
        await transaction.EmitAsync("payout.created", payout.Render(), payout.Account);
        await transaction.Outbox.PublishAsync(new SettleSandboxPayout(payout.Id));
        return payout;
    }
}
