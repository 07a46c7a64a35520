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
        await users.ResetAuthenticatorKeyAsync(user);
        var key = (await users.GetAuthenticatorKeyAsync(user))!;
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
            ? AccountResults.FieldError("code", "The code is not valid. Check the time on your device and try the next code.")
            : TypedResults.Ok(new RecoveryCodes(codes));
    }

    public static async Task<IReadOnlyList<string>?> EnableWithCodeAsync(UserManager<UserAccount> users, UserAccount user, string code)
    {
        var valid = user.AuthenticatorKey is not null &&
            await users.VerifyTwoFactorTokenAsync(user, TokenOptions.DefaultAuthenticatorProvider, code.Replace(" ", "", StringComparison.Ordinal));
        if (!valid)
        {
            return null;
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        return [.. (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))!];
    }

    public static async Task<IResult> DisableAsync(PasswordRequest request, UserManager<UserAccount> users, HttpContext http)
    {
        var user = await users.GetUserAsync(http.User);
        if (user is null || !await users.CheckPasswordAsync(user, request.Password))
        {
            return WrongPassword();
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
        return TypedResults.NoContent();
    }

    public static async Task<IResult> NewRecoveryCodesAsync(PasswordRequest request, UserManager<UserAccount> users, HttpContext http)
    {
        var user = await users.GetUserAsync(http.User);
        if (user is null || !await users.CheckPasswordAsync(user, request.Password))
        {
            return WrongPassword();
        }

        return user.TwoFactorEnabled
            ? TypedResults.Ok(new RecoveryCodes([.. (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))!]))
            : TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, type: ProblemTypes.Conflict, title: "Two-factor authentication is off.");
    }

    private static IResult WrongPassword() => AccountResults.FieldError("password", "The password is incorrect.");
}
