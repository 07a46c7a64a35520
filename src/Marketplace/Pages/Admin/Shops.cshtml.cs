using Marketplace.Features.Accounts;
using Marketplace.Features.Moderation;
using Marketplace.Features.Orders;
using Marketplace.Features.Payouts;
using Marketplace.Features.Shops;
using Marketplace.Pages.Shared;
using Marten;
using Marten.Pagination;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Wolverine;

namespace Marketplace.Pages.Admin;

/// <summary>
/// Admins see every shop with its status, its payouts state and its fee; they suspend or reinstate one with a reason
/// (<see cref="SuspendShop"/>) and give it a fee of its own or the default again (<see cref="SetShopFee"/>).
/// </summary>
[Authorize(Policy = Policies.Admin)]
public sealed class ShopsModel(IQuerySession session, IMessageBus bus, IOptions<OrderOptions> options) : PageModel
{
    public const int PageSize = 50;

    /// <summary><paramref name="OwnFee"/>: the shop's override, null when it pays <paramref name="Fee"/>, the default.</summary>
    public sealed record Row(Shop Shop, ShopPayoutAccount? Payouts, FeeSettings Fee, ShopFee? OwnFee);

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
        var fees = await PlatformFees.LoadAsync(session, options.Value, ct);
        Rows = [.. shops.Select(shop => new Row(shop, payouts.FirstOrDefault(p => p.ShopId == shop.Id), fees.FeeOf(shop.Id), fees.Shops.GetValueOrDefault(shop.Id)))];
        Total = shops.TotalItemCount;
    }

    public Task<IActionResult> OnPostSuspendAsync(Guid shopId, string? reason, CancellationToken ct) => ChangeAsync(shopId, ShopStatus.Suspended, reason, ct);

    public Task<IActionResult> OnPostReinstateAsync(Guid shopId, string? reason, CancellationToken ct) => ChangeAsync(shopId, ShopStatus.Active, reason, ct);

    public async Task<IActionResult> OnPostFeeAsync(
        Guid shopId, int? basisPoints, long? @fixed, long? version, [FromServices] IValidator<FeeChange> validator, CancellationToken ct)
    {
        var request = new FeeChange(basisPoints, @fixed, version);
        var validation = await validator.ValidateAsync(request, ct);
        if (!ModelState.IsValid || !validation.IsValid)
        {
            TempData.Flash($"{string.Join(" ", validation.Errors.Select(e => e.ErrorMessage).DefaultIfEmpty("Give the fee as whole numbers."))} Nothing was changed.");
            return RedirectToPage(new { p = PageNumber });
        }

        var result = await SetShopFee.ExecuteAsync(bus, new SetShopFee.Command(shopId, request.Fee, request.Version ?? 0, AuditActor.Of(User)), ct);
        TempData.Flash(result switch
        {
            IStatusCodeHttpResult { StatusCode: StatusCodes.Status200OK } => $"Saved: the shop pays {FeesModel.Describe(request.Fee)} on orders placed from now on.",
            IStatusCodeHttpResult { StatusCode: StatusCodes.Status409Conflict } => "Another admin changed this shop's fee meanwhile: check it below and save again.",
            _ => "That shop is gone.",
        });
        return RedirectToPage(new { p = PageNumber });
    }

    public async Task<IActionResult> OnPostClearFeeAsync(Guid shopId, CancellationToken ct)
    {
        var result = await SetShopFee.ExecuteAsync(bus, new SetShopFee.Command(shopId, null, 0, AuditActor.Of(User)), ct);
        TempData.Flash(result is IStatusCodeHttpResult { StatusCode: StatusCodes.Status204NoContent }
            ? "The shop pays the default fee on orders placed from now on."
            : "That shop is gone.");
        return RedirectToPage(new { p = PageNumber });
    }

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
