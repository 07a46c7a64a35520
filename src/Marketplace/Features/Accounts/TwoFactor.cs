using System.Text.Encodings.Web;
using FluentValidation;
using Marketplace.Infrastructure.Web;
using Microsoft.AspNetCore.Identity;

namespace Marketplace.Features.Accounts;

/// <summary>Two-factor authentication with an authenticator app (TOTP) and one-time recovery codes.</summary>
public static class TwoFactor
{
    public sealed record Status(bool Enabled, bool HasAuthenticator, int RecoveryCodesLeft);

    public sealed record Setup(string SharedKey, string AuthenticatorUri);

    public sealed record EnableRequest(string Code);

    public sealed record PasswordRequest(string Password);

    public sealed record RecoveryCodes(IReadOnlyList<string> Codes);

    public sealed class EnableValidator : AbstractValidator<EnableRequest>
    {
        public EnableValidator() => RuleFor(x => x.Code).NotEmpty().MaximumLength(16);
    }

    public sealed class PasswordValidator : AbstractValidator<PasswordRequest>
    {
        public PasswordValidator() => RuleFor(x => x.Password).NotEmpty().MaximumLength(128);
    }

    public static void Map(RouteGroupBuilder group)
    {
        var twoFactor = group.MapGroup("/2fa");
        twoFactor.MapGet("", GetStatusAsync).WithName("GetTwoFactorStatus");
        twoFactor.MapPost("/setup", SetupAsync).WithName("SetUpAuthenticator")
            .WithSummary("A new authenticator key and its otpauth:// URI (for a QR code). Two-factor stays off until enabled.");
        twoFactor.MapPost("/enable", EnableAsync).Validate<EnableRequest>().WithName("EnableTwoFactor")
            .WithSummary("Turns two-factor on with a code from the app; answers the recovery codes, shown this once.");
        twoFactor.MapPost("/disable", DisableAsync).Validate<PasswordRequest>().WithName("DisableTwoFactor");
        twoFactor.MapPost("/recovery-codes", NewRecoveryCodesAsync).Validate<PasswordRequest>().WithName("NewRecoveryCodes");
    }

    public static async Task<IResult> GetStatusAsync(UserManager<UserAccount> users, HttpContext http) =>
        await users.GetUserAsync(http.User) is { } user
            ? TypedResults.Ok(new Status(user.TwoFactorEnabled, user.AuthenticatorKey is not null, user.RecoveryCodeHashes.Count))
            : TypedResults.Unauthorized();

    public static async Task<IResult> SetupAsync(UserManager<UserAccount> users, HttpContext http)
    {
        var user = await users.GetUserAsync(http.User);
        if (user is null)
        {
            return TypedResults.Unauthorized();
        }

        if (user.TwoFactorEnabled)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, type: ProblemTypes.Conflict,
                title: "Two-factor authentication is already on. Turn it off first to use another authenticator.");
        }

        return TypedResults.Ok(await NewSetupAsync(users, user));
    }

    public static async Task<Setup> NewSetupAsync(UserManager<UserAccount> users, UserAccount user)
    {
        // Set directly: UserManager.ResetAuthenticatorKeyAsync would also renew the security stamp and end this session.
        user.AuthenticatorKey = users.GenerateNewAuthenticatorKey();
        await users.UpdateAsync(user);
        return SetupOf(user, user.AuthenticatorKey);
    }

    /// <summary>The key the account already has, described again (a page showing it once more after a wrong code).</summary>
    public static Setup SetupOf(UserAccount user, string key)
    {
        var label = UrlEncoder.Default.Encode($"Marketplace:{user.Email}");
        return new Setup(key, $"otpauth://totp/{label}?secret={key}&issuer=Marketplace&digits=6");
    }

    public static async Task<IResult> EnableAsync(EnableRequest request, UserManager<UserAccount> users, HttpContext http)
    {
        var user = await users.GetUserAsync(http.User);
        if (user is null)
        {
            return TypedResults.Unauthorized();
        }

        var codes = await EnableWithCodeAsync(users, user, request.Code);
        return codes is null
            ? ValidationProblems.Field("code", "The code is not valid. Check the time on your device and try the next code.")
            : TypedResults.Ok(new RecoveryCodes(codes));
    }

    public static async Task<IReadOnlyList<string>?> EnableWithCodeAsync(UserManager<UserAccount> users, UserAccount user, string code)
    {
        var valid = user.AuthenticatorKey is not null &&
            await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code.Replace(" ", "", StringComparison.Ordinal));
        if (!valid)
        {
            return null;
        }

        user.TwoFactorEnabled = true; // saved with the codes below, keeping the security stamp (and so this session)
        return [.. (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))!];
    }

    public static async Task<IResult> DisableAsync(PasswordRequest request, UserManager<UserAccount> users, HttpContext http)
    {
        var user = await users.GetUserAsync(http.User);
        return user is not null && await DisableWithPasswordAsync(users, user, request.Password) ? TypedResults.NoContent() : WrongPassword();
    }

    /// <summary>False, changing nothing, when the password is wrong.</summary>
    public static async Task<bool> DisableWithPasswordAsync(UserManager<UserAccount> users, UserAccount user, string password)
    {
        if (!await users.CheckPasswordAsync(user, password))
        {
            return false;
        }

        user.TwoFactorEnabled = false;
        user.AuthenticatorKey = null;
        user.RecoveryCodeHashes = [];
        return (await users.UpdateAsync(user)).Succeeded;
    }

    public static async Task<IResult> NewRecoveryCodesAsync(PasswordRequest request, UserManager<UserAccount> users, HttpContext http)
    {
        var user = await users.GetUserAsync(http.User);
        var (passwordCorrect, codes) = user is null ? (false, null) : await NewRecoveryCodesWithPasswordAsync(users, user, request.Password);
        return !passwordCorrect ? WrongPassword()
            : codes is not null ? TypedResults.Ok(new RecoveryCodes(codes))
            : TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, type: ProblemTypes.Conflict, title: "Two-factor authentication is off.");
    }

    /// <summary>Ten new codes replacing the old ones; no codes when two-factor authentication is off.</summary>
    public static async Task<(bool PasswordCorrect, IReadOnlyList<string>? Codes)> NewRecoveryCodesWithPasswordAsync(
        UserManager<UserAccount> users, UserAccount user, string password)
    {
        if (!await users.CheckPasswordAsync(user, password))
        {
            return (false, null);
        }

        return (true, user.TwoFactorEnabled ? [.. (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))!] : null);
    }

    private static IResult WrongPassword() => ValidationProblems.Field("password", "The password is incorrect.");
}
