using FluentValidation;
using Marketplace.Features.Accounts;
using Marketplace.Infrastructure.Web;
using Marketplace.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wolverine;

namespace Marketplace.Pages.Account;

[LimitedForm(RateLimiting.Auth)]
[ExpensiveWork]
public sealed class RegisterModel(
    IValidator<Register.Request> validator, IMessageBus bus) : PageModel, ICheckedForm
{
    [BindProperty]
    public RegisterInput Input { get; set; } = new();

    /// <summary>Set after signing up: the address the confirmation link went to.</summary>
    public string? SentTo { get; private set; }

    public void OnGet(string? sentTo) => SentTo = sentTo;

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var request = Posted();
        if (!await ModelState.ValidateAsync(validator, request, nameof(Input), ct))
        {
            return Page();
        }

        var result = await Register.ExecuteAsync(request, bus, PublicUrl.Of(HttpContext), ct);
        if (!result.Succeeded)
        {
            ModelState.AddIdentityErrors(nameof(Input), result);
            return Page();
        }

        return RedirectToPage(new { sentTo = request.Email.Trim() });
    }

    public async Task<bool> IsContentValidAsync(CancellationToken ct) => (await validator.ValidateAsync(Posted(), ct)).IsValid;

    private Register.Request Posted() => new(Input.Email ?? "", Input.Password ?? "", Input.DisplayName ?? "");

    public sealed class RegisterInput
    {
        public string? DisplayName { get; set; }
        public string? Email { get; set; }
        public string? Password { get; set; }
    }
}
