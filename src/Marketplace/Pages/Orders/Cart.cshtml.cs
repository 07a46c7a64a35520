using Marketplace.Features.Accounts;
using Marketplace.Features.Catalog;
using Marketplace.Features.Orders;
using Marketplace.Infrastructure.Web;
using Marketplace.Pages.Shared;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Stripe;
using Wolverine;

namespace Marketplace.Pages.Orders;

/// <summary>The buyer's cart: add (from a product's page), remove, and go to Stripe's hosted checkout.</summary>
[Authorize(Policy = Policies.Member)]
public sealed class CartModel(IQuerySession session, IMessageBus bus, IOptions<CatalogOptions> catalog, IOptions<OrderOptions> options) : PageModel
{
    public CartView Cart { get; private set; } = null!;
    public string? Error { get; private set; }

    private Guid BuyerId => Members.IdOf(User)!.Value;

    public async Task OnGetAsync(CancellationToken ct) => Cart = await GetCart.ReadAsync(session, BuyerId, catalog.Value, ct);

    public async Task<IActionResult> OnPostAddAsync(
        Guid productId, int quantity, [FromServices] FluentValidation.IValidator<AddToCart.Request> validator, CancellationToken ct)
    {
        var request = new AddToCart.Request(productId, quantity);
        if (!ModelState.IsValid || !(await validator.ValidateAsync(request, ct)).IsValid)
        {
            return await RefusedAsync(ValidationProblems.Field("quantity", "Choose a product and a quantity between 1 and the copies left."), ct);
        }

        var outcome = await AddToCart.ExecuteAsync(BuyerId, request, bus, catalog.Value, ct);
        if (outcome.Problem is not null)
        {
            return await RefusedAsync(outcome.Problem, ct);
        }

        TempData.Flash("Added to your cart.");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid productId, CancellationToken ct)
    {
        await RemoveFromCart.ExecuteAsync(BuyerId, productId, bus, catalog.Value, ct);
        TempData.Flash("Removed from your cart.");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostCheckoutAsync([FromServices] IStripeClient stripe, [FromServices] TimeProvider clock, CancellationToken ct)
    {
        var (response, problem) = await Features.Orders.Checkout.ExecuteAsync(BuyerId, bus, stripe, catalog.Value, options.Value, clock, PublicUrl.Of(HttpContext), ct);
        return response is not null ? Redirect(response.CheckoutUrl) : await RefusedAsync(problem!, ct);
    }

    /// <summary>The cart again, with the refusal's sentence above it.</summary>
    private async Task<IActionResult> RefusedAsync(IResult problem, CancellationToken ct)
    {
        Error = problem switch
        {
            Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult { ProblemDetails: var details } => $"{details.Title} {details.Detail}".Trim(),
            Microsoft.AspNetCore.Http.HttpResults.ValidationProblem { ProblemDetails: var invalid } => string.Join(" ", invalid.Errors.SelectMany(e => e.Value)),
            _ => "That did not work; try again.",
        };
        Response.StatusCode = problem is IStatusCodeHttpResult { StatusCode: { } status } ? status : StatusCodes.Status409Conflict;
        await OnGetAsync(ct);
        return Page();
    }
}
