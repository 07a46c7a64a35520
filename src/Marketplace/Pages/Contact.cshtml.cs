using Marketplace.Pages.Shared;
using FluentValidation;
using Marketplace.Features.Platform;
using Marketplace.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wolverine;

namespace Marketplace.Pages;

[LimitedForm(RateLimiting.Contact)]
public sealed class ContactModel(
    IValidator<SubmitContactMessage.Request> validator, IMessageBus bus) : PageModel, ICheckedForm
{
    [BindProperty]
    public ContactInput Input { get; set; } = new();

    public bool Sent { get; private set; }

    public void OnGet(bool sent) => Sent = sent;

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var request = Posted();
        var result = await validator.ValidateAsync(request, ct);
        foreach (var failure in result.Errors)
        {
            ModelState.AddModelError($"{nameof(Input)}.{failure.PropertyName}", failure.ErrorMessage);
        }

        if (!result.IsValid)
        {
            return Page();
        }

        await SubmitContactMessage.ExecuteAsync(request, bus, ct);
        return RedirectToPage(new { sent = true });
    }

    public async Task<bool> IsContentValidAsync(CancellationToken ct) => (await validator.ValidateAsync(Posted(), ct)).IsValid;

    private SubmitContactMessage.Request Posted() => new(Input.Name ?? "", Input.Email ?? "", Input.Subject ?? "", Input.Message ?? "");

    public sealed class ContactInput
    {
        public string? Name { get; set; }
        public string? Email { get; set; }
        public string? Subject { get; set; }
        public string? Message { get; set; }
    }
}
