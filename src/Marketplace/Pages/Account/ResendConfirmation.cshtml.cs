using FluentValidation;
using Marketplace.Features.Accounts;
using Marketplace.Infrastructure.Web;
using Marketplace.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wolverine;

namespace Marketplace.Pages.Account;

[LimitedForm(RateLimiting.Auth)]
public sealed class ResendConfirmationModel(IValidator<ResendConfirmation.Request> validator, IMessageBus bus)
    : PageModel, ICheckedForm
{
    [BindProperty]
    public ResendInput Input { get; set; } = new();

    public bool Sent { get; private set; }

    public void OnGet(bool sent) => Sent = sent;

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var request = Posted();
        if (!await ModelState.ValidateAsync(validator, request, nameof(Input), ct))
        {
            return Page();
        }

        await ResendConfirmation.ExecuteAsync(request, bus, PublicUrl.Of(HttpContext), ct);
        return RedirectToPage(new { sent = true });
    }

    public async Task<bool> IsContentValidAsync(CancellationToken ct) => (await validator.ValidateAsync(Posted(), ct)).IsValid;

    private ResendConfirmation.Request Posted() => new(Input.Email ?? "");

    public sealed class ResendInput
    {
        public string? Email { get; set; }
    }
}
