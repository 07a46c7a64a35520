using FluentValidation;
using Marketplace.Features.Accounts;
using Marketplace.Infrastructure.Web;
using Marketplace.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wolverine;

namespace Marketplace.Pages.Account;

/// <summary>Always answers the same, whether or not the address has an account.</summary>
[LimitedForm(RateLimiting.Auth)]
public sealed class ForgotPasswordModel(IValidator<ForgotPassword.Request> validator, IMessageBus bus) : PageModel, ICheckedForm
{
    [BindProperty]
    public ForgotInput Input { get; set; } = new();

    public bool Sent { get; private set; }

    public void OnGet(bool sent) => Sent = sent;

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var request = Posted();
        if (!await ModelState.ValidateAsync(validator, request, nameof(Input), ct))
        {
            return Page();
        }

        await ForgotPassword.ExecuteAsync(request, bus, PublicUrl.Of(HttpContext), ct);
        return RedirectToPage(new { sent = true });
    }

    public async Task<bool> IsContentValidAsync(CancellationToken ct) => (await validator.ValidateAsync(Posted(), ct)).IsValid;

    private ForgotPassword.Request Posted() => new(Input.Email ?? "");

    public sealed class ForgotInput
    {
        public string? Email { get; set; }
    }
}
