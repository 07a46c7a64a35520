using Marten;

namespace Marketplace.StripeSandbox.Balances;

/// <summary>
/// Funds becoming available: every pending balance transaction whose <c>available_on</c> the sandbox's clock has
/// reached turns <c>available</c>, its net moves from the pending to the available balance, and each account whose
/// funds moved gets <c>balance.available</c> (the platform's without <c>account</c>). Runs when the clock is advanced,
/// and for one account before its balance is read or spent, so funds also arrive as real time passes.
/// </summary>
public static class SandboxFunds
{
    public static Task SettleDueAsync(SandboxTransaction transaction, string? account, CancellationToken ct) =>
        SettleAsync(transaction, transaction.Session.Query<SandboxBalanceTransaction>().Where(t => t.Account == account), ct);

    public static Task SettleAllDueAsync(SandboxTransaction transaction, CancellationToken ct) =>
        SettleAsync(transaction, transaction.Session.Query<SandboxBalanceTransaction>(), ct);

    private static async Task SettleAsync(SandboxTransaction transaction, IQueryable<SandboxBalanceTransaction> movements, CancellationToken ct)
    {
        var now = transaction.UnixNow;
        var due = await movements.Where(t => t.Status == SandboxBalanceTransaction.Pending && t.AvailableOn <= now)
            .OrderBy(t => t.AvailableOn).ToListAsync(ct);
        var settled = new List<string?>();
        foreach (var movement in due)
        {
            var balance = await transaction.Ledger.ChangeAsync(movement.Account, ct);
            balance.Credit(-movement.Net, movement.Currency, pending: true);
            balance.Credit(movement.Net, movement.Currency);
            movement.Status = SandboxBalanceTransaction.Available;
            transaction.Session.Store(movement);
            if (!settled.Contains(movement.Account))
            {
                settled.Add(movement.Account);
            }
        }

        foreach (var account in settled)
        {
            await transaction.EmitAsync("balance.available", (await transaction.Ledger.BalanceAsync(account, ct)).Render(), account);
        }
    }
}
