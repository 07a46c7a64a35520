using Marketplace.Features.Accounts;
using Marketplace.Features.Orders;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Pages.Orders;

/// <summary>The buyer's orders, newest first.</summary>
[Authorize(Policy = Policies.Member)]
public sealed class IndexModel(IQuerySession session) : PageModel
{
    public IReadOnlyList<OrderView> Orders { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Orders = await GetOrders.ReadAllAsync(session, Members.IdOf(User)!.Value, ct);
}
