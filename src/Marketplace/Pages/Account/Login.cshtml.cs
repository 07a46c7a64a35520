using System.Globalization;
using System.Security.Claims;
using FluentValidation;
using Marketplace.Features.Accounts;
using Marketplace.Infrastructure.Web;
using Marketplace.Pages.Shared;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Pages.Account;

/// <summary>Signs in with the same checks as <c>POST /api/auth/login</c>: <see cref="LoginThrottle"/>, then <see cref="SignInCheck"/>.</summary>
[LimitedForm(RateLimiting.Auth)]
[ExpensiveWork]
public sealed class LoginModel(
    IValidator<Login.Request> validator, LoginThrottle throttle, SignInCheck check, SignInManager<UserAccount> signIn) : PageModel, ICheckedForm
{
    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>The password was right but the address is unconfirmed: the page offers a new confirmation link.</summary>
    public bool EmailNotConfirmed { get; private set; }

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? LocalRedirect(Destination) : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var request = Posted();
        if (!await ModelState.ValidateAsync(validator, request, nameof(Input), ct))
        {
            return Page();
        }

        if (throttle.TryAttempt(request.Email, HttpContext) is { } wait)
        {
            var minutes = Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes)).ToString(CultureInfo.InvariantCulture);
            ModelState.AddModelError("", $"Too many sign-in attempts for this account. Try again in {minutes} min.");
            return Page();
        }

        var (outcome, user) = await check.CheckPasswordAsync(request.Email, request.Password, HttpContext);
        switch (outcome)
        {
            case SignInOutcome.InvalidCredentials:
                ModelState.AddModelError("", "The email or password is incorrect, or the account is temporarily locked.");
                return Page();
            case SignInOutcome.EmailNotConfirmed:
                EmailNotConfirmed = true;
                return Page();
            case SignInOutcome.TwoFactorRequired:
                await StartTwoFactorAsync(user!);
                return RedirectToPage("/Account/LoginTwoFactor", new { ReturnUrl, rememberMe = Input.RememberMe });
        }

        await check.SucceededAsync(user!);
        await signIn.SignInWithClaimsAsync(user!, Input.RememberMe, [SignInTime.Claim(HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow())]);
        return LocalRedirect(Destination);
    }

    /// <summary>What <see cref="SignInManager{TUser}"/> does before asking for the second factor: remember who passed the first.</summary>
    private Task StartTwoFactorAsync(UserAccount user) =>
        HttpContext.SignInAsync(IdentityConstants.TwoFactorUserIdScheme, new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, user.Id.ToString())], IdentityConstants.TwoFactorUserIdScheme)));

    private string Destination => LocalReturnUrl(Url, ReturnUrl);

    /// <summary>Only a path on this site, so a crafted link cannot send people elsewhere after signing in.</summary>
    public static string LocalReturnUrl(IUrlHelper url, string? returnUrl) => url.IsLocalUrl(returnUrl) ? returnUrl : "/";

    public async Task<bool> IsContentValidAsync(CancellationToken ct) => (await validator.ValidateAsync(Posted(), ct)).IsValid;

    private Login.Request Posted() => new(Input.Email ?? "", Input.Password ?? "");

    public sealed class LoginInput
    {
        public string? Email { get; set; }
        public string? Password { get; set; }
        public bool RememberMe { get; set; }
    }
}
