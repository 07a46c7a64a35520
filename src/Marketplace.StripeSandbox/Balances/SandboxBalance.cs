using System.Text.Json.Nodes;
using Marten;

namespace Marketplace.StripeSandbox.Balances;

/// <summary>The funds of the platform (<see cref="Platform"/>) or of one connected account, per currency, in minor units.</summary>
public sealed class SandboxBalance
{
    public const string Platform = "platform";

    /// <summary>The connected account's id, or <see cref="Platform"/>.</summary>
    public string Id { get; set; } = "";

    public string DefaultCurrency { get; set; } = "usd";
    public Dictionary<string, long> Available { get; set; } = [];
    public Dictionary<string, long> Pending { get; set; } = [];

    [Marten.Schema.Version]
    public Guid Version { get; set; }

    public static async Task<SandboxBalance> LoadAsync(IQuerySession session, string? account, CancellationToken ct, string defaultCurrency = "usd") =>
        await session.LoadAsync<SandboxBalance>(account ?? Platform, ct)
        ?? new SandboxBalance { Id = account ?? Platform, DefaultCurrency = defaultCurrency };

    public long AvailableIn(string currency) => Available.GetValueOrDefault(currency);

    public void Credit(long amount, string currency, bool pending = false)
    {
        var funds = pending ? Pending : Available;
        funds[currency] = funds.GetValueOrDefault(currency) + amount;
    }

    /// <summary>Stripe's <c>balance</c> object; the default currency is listed even when empty.</summary>
    public JsonObject Render()
    {
        var currencies = Available.Keys.Concat(Pending.Keys).Append(DefaultCurrency).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return new JsonObject
        {
            ["object"] = "balance",
            ["available"] = Amounts(currencies, Available, withSources: true),
            ["connect_reserved"] = Amounts(currencies, [], withSources: false),
            ["livemode"] = false,
            ["pending"] = Amounts(currencies, Pending, withSources: true),
        };
    }

    private static JsonArray Amounts(IEnumerable<string> currencies, Dictionary<string, long> funds, bool withSources) =>
        new([.. currencies.Select(currency =>
        {
            var amount = funds.GetValueOrDefault(currency);
            var entry = new JsonObject { ["amount"] = amount, ["currency"] = currency };
            if (withSources)
            {
                entry["source_types"] = new JsonObject { ["card"] = amount };
            }

            return (JsonNode)entry;
        })]);
}
