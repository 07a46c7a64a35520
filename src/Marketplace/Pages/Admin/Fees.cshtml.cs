using FluentValidation;
using Marketplace.Features.Accounts;
using Marketplace.Features.Moderation;
using Marketplace.Features.Orders;
using Marketplace.Pages.Shared;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Wolverine;

namespace Marketplace.Pages.Admin;

/// <summary>
/// The platform's default fee for admins, with the shops that pay a fee of their own (set on the shops page): the same
/// use case as <c>PUT /api/admin/fees</c>, so a form based on a fee another admin changed meanwhile is refused.
/// </summary>
[Authorize(Policy = Policies.Admin)]
public sealed class FeesModel(IQuerySession session, IMessageBus bus, IOptions<OrderOptions> options) : PageModel
{
    public GetPlatformFees.Response Fees { get; private set; } = new(0, 0, 0, []);

    [BindProperty]
    public FeeInput Fee { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Fee = new FeeInput { BasisPoints = Fees.BasisPoints, Fixed = Fees.Fixed, Version = Fees.Version };
    }

    public async Task<IActionResult> OnPostAsync([FromServices] IValidator<FeeChange> validator, CancellationToken ct)
    {
        var request = new FeeChange(Fee.BasisPoints, Fee.Fixed, Fee.Version);
        if (ModelState.IsValid && await ModelState.ValidateAsync(validator, request, nameof(Fee), ct))
        {
            var result = await UpdatePlatformFee.ExecuteAsync(bus, request, AuditActor.Of(User), ct);
            if (result is IStatusCodeHttpResult { StatusCode: StatusCodes.Status200OK })
            {
                TempData.Flash($"Saved: orders placed from now on pay {Describe(request.Fee)} unless their shop has a fee of its own.");
                return RedirectToPage();
            }

            // The form shows the fee as it is now (the tag helpers would show what was posted, from the model state).
            ModelState.Clear();
            ModelState.AddModelError("", "Another admin changed the fee since you opened this page. The form now shows their fee: check it and save again.");
            await OnGetAsync(ct);
            return Page();
        }

        await LoadAsync(ct);
        return Page();
    }

    /// <summary>A fee in words: "10.00% + 30 (minor units)".</summary>
    public static string Describe(FeeSettings fee) => $"{fee.BasisPoints / 100m:0.00}% + {fee.Fixed} (minor units)";

    private async Task LoadAsync(CancellationToken ct) => Fees = await GetPlatformFees.ReadAsync(session, options.Value, ct);

    public sealed class FeeInput
    {
        public int? BasisPoints { get; set; }
        public long? Fixed { get; set; }
        public long? Version { get; set; }
    }
}
