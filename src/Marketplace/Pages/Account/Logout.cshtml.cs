using Marketplace.Features.Accounts;
using Marten;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Pages.Account;

/// <summary>Signing out is a POST (the button in the navigation); a GET only asks, so a link or an image cannot sign anyone out.</summary>
public sealed class LogoutModel(SignInManager<UserAccount> signIn, TokenService tokens, IDocumentSession session) : PageModel
{
    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? Page() : Redirect("/");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await Logout.ExecuteAsync(refreshToken: null, signIn, tokens, session, ct);
        return Redirect("/");
    }
}
