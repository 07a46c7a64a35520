using FluentValidation;
using Marketplace.Features.Accounts;
using Marketplace.Pages.Shared;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine;

namespace Marketplace.Pages.Account;

/// <summary>Ending every session, and deleting the account.</summary>
public sealed partial class IndexModel
{
    [BindProperty]
    public PasswordCheckInput Delete { get; set; } = new();

    public async Task<IActionResult> OnPostSignOutEverywhereAsync(
        [FromServices] TokenService tokens, [FromServices] IDocumentSession session, CancellationToken ct)
    {
        if (!await LoadAsync())
        {
            return Challenge();
        }

        await SignOutEverywhere.ExecuteAsync(Account, users, signIn, tokens, session, ct);
        TempData.Flash("You have been signed out everywhere, including here.");
        return RedirectToPage("/Account/Login");
    }

    public async Task<IActionResult> OnPostDeleteAsync(
        [FromServices] IValidator<DeleteAccount.Request> validator, [FromServices] IMessageBus bus, CancellationToken ct)
    {
        if (!await LoadAsync())
        {
            return Challenge();
        }

        var request = new DeleteAccount.Request(Delete.Password ?? "");
        if (!await ModelState.ValidateAsync(validator, request, nameof(Delete), ct))
        {
            return Page();
        }

        var result = await DeleteAccount.ExecuteAsync(request, Account, signIn, bus, ct);
        if (ChangePassword.IsWrongPassword(result))
        {
            ModelState.AddModelError($"{nameof(Delete)}.{nameof(PasswordCheckInput.Password)}", "The password is incorrect.");
            return Page();
        }

        if (!result.Succeeded)
        {
            ModelState.AddIdentityErrors(nameof(Delete), result);
            return Page();
        }

        TempData.Flash("Your account has been deleted. Thank you for having been part of the marketplace.");
        return Redirect("/");
    }
}
