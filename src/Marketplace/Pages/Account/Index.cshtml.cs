using FluentValidation;
using Marketplace.Features.Accounts;
using Marketplace.Pages.Shared;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Marketplace.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wolverine;

namespace Marketplace.Pages.Account;

/// <summary>
/// Account settings. Each form posts to its own handler and runs the same use case as the API; this file holds the
/// profile and password forms, the other parts of the class the two-factor and the "danger zone" forms.
/// </summary>
[Authorize]
[ExpensiveWork]
public sealed partial class IndexModel(UserManager<UserAccount> users, SignInManager<UserAccount> signIn) : PageModel
{
    public UserAccount Account { get; private set; } = null!;

    [BindProperty]
    public ProfileInput Profile { get; set; } = new();

    [BindProperty]
    public PasswordInput Password { get; set; } = new();

    [BindProperty]
    public MentionInput Mentions { get; set; } = new();

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : Challenge();

    public async Task<IActionResult> OnPostProfileAsync(
        [FromServices] IValidator<ChangeDisplayName.Request> validator, [FromServices] IMessageBus bus, CancellationToken ct)
    {
        var request = new ChangeDisplayName.Request(Profile.DisplayName ?? "");
        if (!await LoadAsync())
        {
            return Challenge();
        }

        if (!await ModelState.ValidateAsync(validator, request, nameof(Profile), ct))
        {
            return Page();
        }

        var result = await ChangeDisplayName.ExecuteAsync(request, Account, users, signIn, bus, User, ct);
        if (!result.Succeeded)
        {
            ModelState.AddIdentityErrors(nameof(Profile), result);
            return Page();
        }

        TempData.Flash($"Saved. People now see you as {Account.DisplayName}.");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostHandleAsync(
        [FromServices] IValidator<ChangeHandle.Request> validator, [FromServices] IMessageBus bus, CancellationToken ct)
    {
        var request = new ChangeHandle.Request(Mentions.Handle ?? "");
        if (!await LoadAsync())
        {
            return Challenge();
        }

        if (!await ModelState.ValidateAsync(validator, request, nameof(Mentions), ct))
        {
            return Page();
        }

        var result = await ChangeHandle.ExecuteAsync(request, Account, bus, ct);
        if (!result.Succeeded)
        {
            ModelState.AddIdentityErrors(nameof(Mentions), result);
            return Page();
        }

        TempData.Flash($"Saved. Others now mention you as @{Account.Handle}.");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostPasswordAsync(
        [FromServices] IValidator<ChangePassword.Request> validator, [FromServices] TokenService tokens, [FromServices] IDocumentSession session,
        CancellationToken ct)
    {
        if (!await LoadAsync())
        {
            return Challenge();
        }

        var request = new ChangePassword.Request(Password.CurrentPassword ?? "", Password.NewPassword ?? "");
        var valid = await ModelState.ValidateAsync(validator, request, nameof(Password), ct);
        if (Password.NewPassword != Password.ConfirmPassword)
        {
            ModelState.AddModelError($"{nameof(Password)}.{nameof(PasswordInput.ConfirmPassword)}", "The two new passwords are not the same.");
            valid = false;
        }

        if (!valid)
        {
            return Page();
        }

        var result = await ChangePassword.ExecuteAsync(request, Account, users, signIn, tokens, session, User, ct);
        if (ChangePassword.IsWrongPassword(result))
        {
            ModelState.AddModelError($"{nameof(Password)}.{nameof(PasswordInput.CurrentPassword)}", "The current password is incorrect.");
            return Page();
        }

        if (!result.Succeeded)
        {
            ModelState.AddIdentityErrors(nameof(Password), result, passwordField: nameof(PasswordInput.NewPassword));
            return Page();
        }

        TempData.Flash("Your password has been changed. You stay signed in here; every other session has ended.");
        return RedirectToPage();
    }

    /// <summary>Loads the signed-in account; false when it no longer exists. Posted values still show (from ModelState).</summary>
    private async Task<bool> LoadAsync()
    {
        if (await users.GetUserAsync(User) is not { } account)
        {
            return false;
        }

        Account = account;
        Profile.DisplayName = account.DisplayName;
        Mentions.Handle = account.Handle;
        return true;
    }

    public sealed class ProfileInput
    {
        public string? DisplayName { get; set; }
    }

    public sealed class MentionInput
    {
        public string? Handle { get; set; }
    }

    public sealed class PasswordInput
    {
        public string? CurrentPassword { get; set; }
        public string? NewPassword { get; set; }
        public string? ConfirmPassword { get; set; }
    }
}
