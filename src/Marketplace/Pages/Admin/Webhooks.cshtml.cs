using System.Text.Json;
using Marketplace.Features.Accounts;
using Marketplace.Features.Payouts;
using Marketplace.Features.Shops;
using Marketplace.Features.StripeWebhooks;
using Marketplace.Pages.Shared;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Pages.Admin;

/// <summary>Received Stripe events for admins: what happened to each, and a replay for the ones that failed.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class WebhooksModel(IDocumentSession session, StripeEventQueue queue) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public StripeEventStatus? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public WebhookEventsAdmin.Page Events { get; private set; } = null!;

    /// <summary>The event just replayed: webhook-replay.js follows it until it has an outcome.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Replayed { get; set; }

    /// <summary>The shop behind each connected account on the page, by account id.</summary>
    public IReadOnlyDictionary<string, Shop> Shops { get; private set; } = new Dictionary<string, Shop>();

    /// <summary>The event's payload, indented for reading.</summary>
    public static string Readable(string payload)
    {
        try
        {
            using var json = JsonDocument.Parse(payload);
            return JsonSerializer.Serialize(json.RootElement, Indented);
        }
        catch (JsonException)
        {
            return payload;
        }
    }

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public int PageCount => (int)Math.Max(1, (Events.Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Events = await WebhookEventsAdmin.QueryAsync(session, Status, type: null, PageNumber, PageSize, ct);
        var accounts = Events.Items.Select(e => e.Account).OfType<string>().Distinct().ToArray();
        var payouts = await session.Query<ShopPayoutAccount>().Where(a => a.AccountId.IsOneOf(accounts)).ToListAsync(ct);
        var shops = (await session.LoadManyAsync<Shop>(ct, payouts.Select(a => a.ShopId).Distinct())).ToDictionary(shop => shop.Id);
        Shops = payouts.Where(a => shops.ContainsKey(a.ShopId)).ToDictionary(a => a.AccountId, a => shops[a.ShopId]);
        Payloads = (await session.LoadManyAsync<StripeEventRecord>(ct, Events.Items.Select(e => e.Id))).ToDictionary(r => r.Id, r => r.Payload);
    }

    /// <summary>Each listed event's payload, by event id.</summary>
    public IReadOnlyDictionary<string, string> Payloads { get; private set; } = new Dictionary<string, string>();

    public async Task<IActionResult> OnPostReplayAsync(string eventId, CancellationToken ct)
    {
        var record = await WebhookEventsAdmin.ReplayCoreAsync(eventId, session, queue, ct);
        TempData.Flash(record is null ? "No such event." : $"Replaying {record.Type} ({record.Id}); its row shows the outcome when it is done.");
        return RedirectToPage(new { Status, p = PageNumber, replayed = record?.Id });
    }
}
