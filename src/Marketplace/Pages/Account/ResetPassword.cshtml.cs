using FluentValidation;
using Marketplace.Features.Accounts;
using Marketplace.Infrastructure.Web;
using Marketplace.Pages.Shared;
using Marten;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Pages.Account;

/// <summary>Where the link in the reset mail leads: the code travels in a hidden field, the new password is typed twice.</summary>
[LimitedForm(RateLimiting.Auth)]
[ExpensiveWork]
public sealed class ResetPasswordModel(
    IValidator<ResetPassword.Request> validator, UserManager<UserAccount> users, TokenService tokens, IDocumentSession session) : PageModel, ICheckedForm
{
    private const string InvalidLink = "This reset link is invalid or has expired.";

    [BindProperty]
    public ResetInput Input { get; set; } = new();

    /// <summary>The link carries no code, or its code was refused: only a new link helps.</summary>
    public bool LinkBroken =>
        string.IsNullOrEmpty(Input.Token) || ModelState.GetFieldValidationState(TokenField) == ModelValidationState.Invalid;

    private static string TokenField => $"{nameof(Input)}.{nameof(ResetInput.Token)}";

    public void OnGet(string? email, string? code)
    {
        Input.Email = email;
        Input.Token = code;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var request = Posted();
        var valid = await ModelState.ValidateAsync(validator, request, nameof(Input), ct);
        if (Input.NewPassword != Input.ConfirmPassword)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(ResetInput.ConfirmPassword)}", "The two passwords are not the same.");
            valid = false;
        }

        if (!valid)
        {
            return Page();
        }

        var result = await ResetPassword.ExecuteAsync(request, users, tokens, session);
        if (result is null || result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken)))
        {
            ModelState.AddModelError(TokenField, InvalidLink);
            return Page();
        }

        if (!result.Succeeded)
        {
            ModelState.AddIdentityErrors(nameof(Input), result, passwordField: nameof(ResetInput.NewPassword));
            return Page();
        }

        TempData.Flash("Your password has been changed, and every other session has ended. Sign in with the new password.");
        return RedirectToPage("/Account/Login");
    }

    public async Task<bool> IsContentValidAsync(CancellationToken ct) => (await validator.ValidateAsync(Posted(), ct)).IsValid;

    private ResetPassword.Request Posted() => new(Input.Email ?? "", Input.Token ?? "", Input.NewPassword ?? "");

    public sealed class ResetInput
    {
        public string? Email { get; set; }
        public string? Token { get; set; }
        public string? NewPassword { get; set; }
        public string? ConfirmPassword { get; set; }
    }
}
