using Marketplace.Pages.Shared;
using System.Security.Claims;
using Marketplace.Features.Accounts;
using Marketplace.Infrastructure.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Pages.Account;

/// <summary>
/// The second step of signing in, for people who passed the password step of <see cref="LoginModel"/>. The code is
/// checked by <see cref="SignInCheck"/>, as the API checks it: a wrong one counts towards the lockout, whose mail goes out.
/// </summary>
[LimitedForm(RateLimiting.Auth)]
[ExpensiveWork]
public sealed class LoginTwoFactorModel(SignInManager<UserAccount> signIn, UserManager<UserAccount> users, SignInCheck check) : PageModel
{
    private const int MaxCodeLength = 32;

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool RememberMe { get; set; }

    /// <summary>True when the person uses one of their recovery codes instead of the authenticator app.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Recovery { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? StartAgain() : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user)
        {
            return StartAgain();
        }

        var code = Recovery ? (Code ?? "").Trim() : new string((Code ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray());
        if (code.Length is 0 or > MaxCodeLength)
        {
            ModelState.AddModelError(nameof(Code), Recovery ? "Enter one of your recovery codes." : "Enter the 6-digit code from your app.");
            return Page();
        }

        var valid = !await users.IsLockedOutAsync(user)
            && await check.CheckSecondFactorAsync(user, Recovery ? null : code, Recovery ? code : null, HttpContext);
        if (valid)
        {
            await check.SucceededAsync(user);
            await HttpContext.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
            await signIn.SignInWithClaimsAsync(user, RememberMe, [new Claim("amr", "mfa"), SignInTime.Claim(HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow())]);
            return LocalRedirect(LoginModel.LocalReturnUrl(Url, ReturnUrl));
        }

        ModelState.AddModelError(nameof(Code), await users.IsLockedOutAsync(user)
            ? "Too many wrong codes: the account is locked for a while. Try again later."
            : Recovery ? "That recovery code is not valid or was already used."
            : "That code is not valid. Check the time on your device and try the next code.");
        return Page();
    }

    /// <summary>The first step was too long ago (or never happened): sign in again from the start.</summary>
    private RedirectToPageResult StartAgain() => RedirectToPage("/Account/Login", new { ReturnUrl });
}
