using Marketplace.Features.Accounts;
using Marketplace.Features.Orders;
using Marketplace.Features.Shops;
using Marketplace.Pages.Shared;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wolverine;

namespace Marketplace.Pages.Orders;

/// <summary>
/// The refund form of an order for its sellers and admins (a form page rather than a scripted dialog: the CSP allows
/// no inline script): the lines the caller may refund, each with what is left of it, and the reason. It posts to the
/// same use case as <c>POST /api/orders/{orderId}/refunds</c>. Anyone who may not refund a line of the order gets a 404.
/// </summary>
[Authorize(Policy = Policies.Member)]
public sealed class RefundModel(IQuerySession session, IMessageBus bus) : PageModel
{
    public Order Order { get; private set; } = null!;
    public IReadOnlyList<OrderLine> Lines { get; private set; } = [];
    public string? Error { get; private set; }

    [BindProperty]
    public List<int> Selected { get; set; } = [];

    [BindProperty]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid orderId, CancellationToken ct) => await LoadAsync(orderId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid orderId, [FromServices] FluentValidation.IValidator<RefundOrder.Request> validator, CancellationToken ct)
    {
        if (!await LoadAsync(orderId, ct))
        {
            return NotFound();
        }

        var request = new RefundOrder.Request(Selected, Reason ?? "");
        var validation = await validator.ValidateAsync(request, ct);
        if (!ModelState.IsValid || !validation.IsValid)
        {
            return Refused(StatusCodes.Status400BadRequest,
                validation.IsValid ? "Choose lines and give a reason." : string.Join(" ", validation.Errors.Select(e => e.ErrorMessage)));
        }

        var outcome = await RefundOrder.ExecuteAsync(orderId, request, User, bus, ct);
        if (outcome.Problem is not null)
        {
            var text = outcome.Problem switch
            {
                Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult { ProblemDetails: var details } => $"{details.Title} {details.Detail}".Trim(),
                Microsoft.AspNetCore.Http.HttpResults.ValidationProblem { ProblemDetails: var details } => string.Join(" ", details.Errors.SelectMany(e => e.Value)),
                _ => "That did not work; try again.",
            };
            return Refused(outcome.Problem is IStatusCodeHttpResult { StatusCode: { } status } ? status : StatusCodes.Status409Conflict, text);
        }

        TempData.Flash($"Refund of {Infrastructure.Payments.Money.Format(outcome.Refund!.Amount, outcome.Refund.Currency)} recorded; the money goes back to the buyer now.");
        return RedirectToPage(new { orderId });
    }

    public long LeftOf(OrderLine line) => line.Amount - Order.RefundedOf(line.Number);

    /// <summary>The refunds so far as the caller may see them: an admin the whole of each, a seller only its shop's part of those touching its lines.</summary>
    public IEnumerable<(RefundRequested Refund, long Amount)> RefundsShown =>
        ShopId is not { } shopId ? Order.Refunds.Select(r => (Refund: r, r.Amount))
        : Order.Refunds.Select(r => (Refund: r, Amount: r.Shops.Where(s => s.ShopId == shopId).Sum(s => s.Amount))).Where(r => r.Amount > 0);

    /// <summary>The order's status, for a seller of a paid order as far as its own lines go (another shop's refund is not theirs to see).</summary>
    public string StatusShown => ShopId is { } shopId && Order.PaidAt is not null
        ? Features.Sales.ShopOrderView.Of(Order, shopId).Status
        : OrderView.StatusName(Order.Status);

    /// <summary>The seller's shop; null for an admin, who sees the whole order.</summary>
    public Guid? ShopId { get; private set; }

    private IActionResult Refused(int status, string text)
    {
        Error = text;
        Response.StatusCode = status;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid orderId, CancellationToken ct)
    {
        if (await session.LoadAsync<Order>(orderId, ct) is not { } order)
        {
            return false;
        }

        var shop = Members.IsAdmin(User) ? null : await ShopAccess.OwnedByAsync(session, Members.IdOf(User)!.Value, ct);
        Order = order;
        ShopId = shop?.Id;
        Lines = [.. order.Lines.Where(l => Members.IsAdmin(User) || l.ShopId == shop?.Id)];
        return Lines.Count > 0;
    }
}
