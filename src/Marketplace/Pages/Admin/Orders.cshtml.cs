using Marketplace.Features.Accounts;
using Marketplace.Features.Sales;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Pages.Admin;

/// <summary>Admins find an order by its id, its buyer's email or a Stripe id, and read its events and Stripe objects.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class OrdersModel(IQuerySession session) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public IReadOnlyList<SearchOrders.Found>? Found { get; private set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Q is null)
        {
            return;
        }

        Error = SearchOrders.Problem(Q);
        if (Error is null)
        {
            Found = await SearchOrders.FindAsync(session, Q.Trim(), ct);
        }
        else
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
    }
}
