using Marketplace.Features.Accounts;
using Marketplace.Features.Orders;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Pages.Orders;

/// <summary>
/// One of the buyer's orders with its timeline; also where Stripe's checkout returns to. While the order waits for its
/// payment the page asks for its state every second (<c>?handler=status</c>) and shows "paid" as soon as the webhook lands.
/// </summary>
[Authorize(Policy = Policies.Member)]
public sealed class OrderModel(IQuerySession session) : PageModel
{
    public OrderView Order { get; private set; } = null!;

    /// <summary><c>success</c> or <c>cancelled</c> when the buyer comes back from Stripe's checkout.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Checkout { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid orderId, CancellationToken ct)
    {
        if (await GetOrders.ReadAsync(session, Members.IdOf(User)!.Value, orderId, ct) is not { } order)
        {
            return NotFound();
        }

        Order = order;
        return Page();
    }

    public async Task<IActionResult> OnGetStatusAsync(Guid orderId, CancellationToken ct) =>
        await GetOrders.ReadAsync(session, Members.IdOf(User)!.Value, orderId, ct) is { } order ? new JsonResult(order) : NotFound();
}
