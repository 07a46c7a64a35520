using System.Text.Json.Nodes;
using Marketplace.StripeSandbox.Balances;
using Marketplace.StripeSandbox.Connect;
using Marketplace.StripeSandbox.Fees;
using Marketplace.StripeSandbox.Payments;
using Marketplace.StripeSandbox.Payouts;
using Marketplace.StripeSandbox.Transfers;
using Marten;

namespace Marketplace.StripeSandbox;

/// <summary>
/// Stripe's <c>expand[]</c>: each dotted path (<c>latest_charge.balance_transaction</c>, <c>data.destination</c>
/// within a list) replaces an id with the object it names, when the sandbox keeps such objects.
/// </summary>
public static class SandboxExpansion
{
    private const int MaxPaths = 20;

    public static async Task ApplyAsync(JsonObject body, IReadOnlyList<string> paths, IQuerySession session, CancellationToken ct)
    {
        foreach (var path in paths.Take(MaxPaths))
        {
            await ExpandAsync(body, path.Split('.'), 0, session, ct);
        }
    }

    private static async Task ExpandAsync(JsonNode? node, string[] segments, int index, IQuerySession session, CancellationToken ct)
    {
        if (node is not JsonObject json || index >= segments.Length)
        {
            return;
        }

        var name = segments[index];
        if (name == "data" && json["data"] is JsonArray items && json["object"]?.GetValue<string>() == "list")
        {
            foreach (var item in items)
            {
                await ExpandAsync(item, segments, index + 1, session, ct);
            }

            return;
        }

        var value = json[name];
        if (value is JsonValue reference && reference.TryGetValue<string>(out var id) && await LoadAsync(id, session, ct) is { } expanded)
        {
            json[name] = expanded;
            value = expanded;
        }

        await ExpandAsync(value, segments, index + 1, session, ct);
    }

    private static async Task<JsonObject?> LoadAsync(string id, IQuerySession session, CancellationToken ct) => id[..(id.IndexOf('_', StringComparison.Ordinal) + 1)] switch
    {
        "ch_" => await session.LoadAsync<SandboxCharge>(id, ct) is { } charge ? await GetPaymentObjects.RenderChargeAsync(session, charge, ct) : null,
        "pi_" => (await session.LoadAsync<SandboxPaymentIntent>(id, ct))?.Render(),
        "txn_" => (await session.LoadAsync<SandboxBalanceTransaction>(id, ct))?.Render(),
        "acct_" => await session.LoadAsync<SandboxAccount>(id, ct) is { } account ? AccountObject.Render(account) : null,
        "tr_" => (await session.LoadAsync<SandboxTransfer>(id, ct))?.Render(),
        "re_" => (await session.LoadAsync<SandboxRefund>(id, ct))?.Render(),
        "po_" => (await session.LoadAsync<SandboxPayout>(id, ct))?.Render(),
        "dp_" => (await session.LoadAsync<SandboxDispute>(id, ct))?.Render(),
        "fee_" => (await session.LoadAsync<SandboxApplicationFee>(id, ct))?.Render(),
        "cs_" => await session.LoadAsync<SandboxCheckoutSession>(id, ct) is { } checkout ? CheckoutSessionObject.Render(checkout) : null,
        _ => null,
    };
}
