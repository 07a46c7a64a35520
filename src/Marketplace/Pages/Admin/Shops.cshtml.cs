using Marketplace.Features.Accounts;
using Marketplace.Features.Moderation;
using Marketplace.Features.Payouts;
using Marketplace.Features.Shops;
using Marketplace.Pages.Shared;
using Marten;
using Marten.Pagination;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wolverine;

namespace Marketplace.Pages.Admin;

/// <summary>Admins see every shop with its status and payouts, and suspend or reinstate one with a reason (<see cref="SuspendShop"/>).</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class ShopsModel(IQuerySession session, IMessageBus bus) : PageModel
{
    public const int PageSize = 50;

    public sealed record Row(Shop Shop, ShopPayoutAccount? Payouts);

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public long Total { get; private set; }

    public int PageCount => (int)Math.Max(1, (Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync(CancellationToken ct)
    {
        PageNumber = Infrastructure.Web.Paging.Number(PageNumber);
        var shops = await session.Query<Shop>().OrderByDescending(s => s.CreatedAt).ToPagedListAsync(PageNumber, PageSize, ct);
        var payouts = await session.LoadManyAsync<ShopPayoutAccount>(ct, shops.Select(s => s.Id));
        Rows = [.. shops.Select(shop => new Row(shop, payouts.FirstOrDefault(p => p.ShopId == shop.Id)))];
        Total = shops.TotalItemCount;
    }

    public Task<IActionResult> OnPostSuspendAsync(Guid shopId, string? reason, CancellationToken ct) => ChangeAsync(shopId, ShopStatus.Suspended, reason, ct);

    public Task<IActionResult> OnPostReinstateAsync(Guid shopId, string? reason, CancellationToken ct) => ChangeAsync(shopId, ShopStatus.Active, reason, ct);

    private async Task<IActionResult> ChangeAsync(Guid shopId, ShopStatus status, string? reason, CancellationToken ct)
    {
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > ModerationNote.MaxReasonLength)
        {
            TempData.Flash($"Say why in at most {ModerationNote.MaxReasonLength} characters: the seller reads it. Nothing was changed.");
            return RedirectToPage(new { p = PageNumber });
        }

        var result = await bus.InvokeAsync<IResult>(new SuspendShop.Command(shopId, AuditActor.Of(User), status, reason), ct, Infrastructure.Persistence.UseCases.InvokeTimeout);
        TempData.Flash(result is IStatusCodeHttpResult { StatusCode: 200 }
            ? (status == ShopStatus.Suspended ? "The shop is suspended: its products left the catalog." : "The shop is active again.")
            : "That shop cannot be changed (it is closed, or gone).");
        return RedirectToPage(new { p = PageNumber });
    }
}
