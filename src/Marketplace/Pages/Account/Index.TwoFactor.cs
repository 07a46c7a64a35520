using FluentValidation;
using Marketplace.Features.Accounts;
using Marketplace.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Pages.Account;

/// <summary>Two-factor authentication: set up with a QR code, enable with a code, disable or renew recovery codes with the password.</summary>
public sealed partial class IndexModel
{
    /// <summary>Set while setting up: the new key, shown as a QR code and as text.</summary>
    public TwoFactor.Setup? Setup { get; private set; }

    /// <summary>Set right after enabling or renewing: the recovery codes, shown this once.</summary>
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    public bool TwoFactorJustEnabled { get; private set; }

    [BindProperty]
    public CodeInput Enable { get; set; } = new();

    [BindProperty]
    public PasswordCheckInput Disable { get; set; } = new();

    [BindProperty]
    public PasswordCheckInput NewCodes { get; set; } = new();

    public async Task<IActionResult> OnPostSetUpTwoFactorAsync()
    {
        if (!await LoadAsync())
        {
            return Challenge();
        }

        if (Account.TwoFactorEnabled)
        {
            return RedirectToPage();
        }

        Setup = await TwoFactor.NewSetupAsync(users, Account);
        return Page();
    }

    public async Task<IActionResult> OnPostEnableTwoFactorAsync([FromServices] IValidator<TwoFactor.EnableRequest> validator, CancellationToken ct)
    {
        if (!await LoadAsync())
        {
            return Challenge();
        }

        if (Account.TwoFactorEnabled || Account.AuthenticatorKey is not { } key)
        {
            return RedirectToPage();
        }

        var request = new TwoFactor.EnableRequest(Enable.Code ?? "");
        var codes = await ModelState.ValidateAsync(validator, request, nameof(Enable), ct)
            ? await TwoFactor.EnableWithCodeAsync(users, Account, request.Code)
            : null;
        if (codes is null)
        {
            if (ModelState.IsValid)
            {
                ModelState.AddModelError($"{nameof(Enable)}.{nameof(CodeInput.Code)}",
                    "That code is not valid. Check the time on your device and enter the code it shows now.");
            }

            Setup = TwoFactor.SetupOf(Account, key);
            return Page();
        }

        RecoveryCodes = codes;
        TwoFactorJustEnabled = true;
        return Page();
    }

    public async Task<IActionResult> OnPostDisableTwoFactorAsync([FromServices] IValidator<TwoFactor.PasswordRequest> validator, CancellationToken ct)
    {
        if (!await LoadAsync())
        {
            return Challenge();
        }

        var request = new TwoFactor.PasswordRequest(Disable.Password ?? "");
        if (!await ModelState.ValidateAsync(validator, request, nameof(Disable), ct))
        {
            return Page();
        }

        if (!await TwoFactor.DisableWithPasswordAsync(users, Account, request.Password))
        {
            ModelState.AddModelError($"{nameof(Disable)}.{nameof(PasswordCheckInput.Password)}", "The password is incorrect.");
            return Page();
        }

        TempData.Flash("Two-factor authentication is off. Signing in now needs only your password.");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostNewRecoveryCodesAsync([FromServices] IValidator<TwoFactor.PasswordRequest> validator, CancellationToken ct)
    {
        if (!await LoadAsync())
        {
            return Challenge();
        }

        var request = new TwoFactor.PasswordRequest(NewCodes.Password ?? "");
        if (!await ModelState.ValidateAsync(validator, request, nameof(NewCodes), ct))
        {
            return Page();
        }

        var (passwordCorrect, codes) = await TwoFactor.NewRecoveryCodesWithPasswordAsync(users, Account, request.Password);
        if (!passwordCorrect)
        {
            ModelState.AddModelError($"{nameof(NewCodes)}.{nameof(PasswordCheckInput.Password)}", "The password is incorrect.");
            return Page();
        }

        RecoveryCodes = codes;
        return codes is null ? RedirectToPage() : Page();
    }

    public sealed class CodeInput
    {
        public string? Code { get; set; }
    }

    public sealed class PasswordCheckInput
    {
        public string? Password { get; set; }
    }
}
