using Marketplace.StripeSandbox.Wire;

namespace Marketplace.StripeSandbox.Balances;

/// <summary>A movement to record: whose balance, how much, why, and when it becomes available (null: at once).</summary>
public sealed record Posting(string? Account, long Amount, string Currency, string Type, string? Source)
{
    public long Fee { get; init; }
    public string FeeType { get; init; } = "stripe_fee";
    public long? AvailableOn { get; init; }
    public string? Description { get; init; }
    public string? ReportingCategory { get; init; }
}

/// <summary>
/// The balances one transaction moves: each posting records a balance transaction and moves the account's pending
/// funds (until its <c>available_on</c>) or available ones with it. Each balance is loaded once and stored once (when
/// something changes it), however many postings touch it, so a charge, its transfer and its fee land on the same copy.
/// </summary>
public sealed class SandboxLedger(SandboxTransaction transaction)
{
    private readonly Dictionary<string, SandboxBalance> _balances = new(StringComparer.Ordinal);
    private readonly HashSet<SandboxBalance> _changed = [];

    /// <summary>The account's balance (the platform's for null) as this transaction sees it.</summary>
    public async Task<SandboxBalance> BalanceAsync(string? account, CancellationToken ct, string defaultCurrency = "usd")
    {
        var key = account ?? SandboxBalance.Platform;
        if (!_balances.TryGetValue(key, out var balance))
        {
            balance = await SandboxBalance.LoadAsync(transaction.Session, account, ct, defaultCurrency);
            _balances[key] = balance;
        }

        return balance;
    }

    /// <summary>The balance, to be written when the transaction commits with every change made to it until then.</summary>
    public async Task<SandboxBalance> ChangeAsync(string? account, CancellationToken ct, string defaultCurrency = "usd")
    {
        var balance = await BalanceAsync(account, ct, defaultCurrency);
        if (_changed.Add(balance))
        {
            transaction.Session.Store(balance);
        }

        return balance;
    }

    public async Task<SandboxBalanceTransaction> PostAsync(Posting posting, CancellationToken ct)
    {
        var now = transaction.UnixNow;
        var availableOn = Math.Max(posting.AvailableOn ?? now, now);
        var pending = availableOn > now;
        var movement = new SandboxBalanceTransaction
        {
            Id = SandboxIds.New("txn"), Account = posting.Account, Amount = posting.Amount, Fee = posting.Fee, FeeType = posting.FeeType,
            Currency = posting.Currency, Type = posting.Type, ReportingCategory = posting.ReportingCategory ?? posting.Type, Source = posting.Source,
            Description = posting.Description, Created = now, AvailableOn = availableOn,
            Status = pending ? SandboxBalanceTransaction.Pending : SandboxBalanceTransaction.Available,
        };
        transaction.Session.Insert(movement);
        (await ChangeAsync(posting.Account, ct)).Credit(movement.Net, movement.Currency, pending);
        return movement;
    }
}
