using Marketplace.Infrastructure.Web;
using Microsoft.AspNetCore.Identity;

namespace Marketplace.Features.Accounts;

/// <summary>The problems account endpoints answer with, worded so they never tell whether an account exists.</summary>
public static class AccountResults
{
    public static IResult InvalidCredentials() => TypedResults.Problem(
        statusCode: StatusCodes.Status401Unauthorized, type: ProblemTypes.InvalidCredentials,
        title: "The email or password is incorrect, or the account is temporarily locked.");

    public static IResult TwoFactorRequired() => TypedResults.Problem(
        statusCode: StatusCodes.Status401Unauthorized, type: ProblemTypes.TwoFactorRequired,
        title: "Enter the code from your authenticator app (twoFactorCode) or a recovery code (twoFactorRecoveryCode).");

    public static IResult EmailNotConfirmed() => TypedResults.Problem(
        statusCode: StatusCodes.Status403Forbidden, type: ProblemTypes.EmailNotConfirmed,
        title: "Confirm your email address first: follow the link we mailed you, or ask for a new one.");

    public static IResult InvalidToken(string what) => TypedResults.Problem(
        statusCode: StatusCodes.Status400BadRequest, type: ProblemTypes.InvalidToken,
        title: $"The {what} is invalid or has expired.");

    public static IResult InvalidRefreshToken() => TypedResults.Problem(
        statusCode: StatusCodes.Status401Unauthorized, type: ProblemTypes.InvalidToken,
        title: "The refresh token is invalid, expired or already used. Sign in again.");

    public static IResult TooManyAttempts(TimeSpan wait, HttpContext http)
    {
        var seconds = RateLimiting.SetRetryAfter(http, wait);
        return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, type: ProblemTypes.TooManyRequests,
            title: "Too many sign-in attempts for this account.", detail: $"Try again in {seconds} seconds.");
    }

    /// <summary>Identity's own errors (weak password, ...) as a validation problem, keyed by the request field.</summary>
    public static IResult From(IdentityResult result, string passwordField = "password") =>
        ValidationProblems.Of(FieldErrors(result, passwordField));

    /// <summary>Identity's errors by request field (camelCase; "" for errors about no one field).</summary>
    public static Dictionary<string, string[]> FieldErrors(IdentityResult result, string passwordField = "password") =>
        result.Errors
            .GroupBy(error => error.Code.StartsWith("Password", StringComparison.Ordinal) ? passwordField
                : error.Code.Contains("Email", StringComparison.Ordinal) ? "email"
                : error.Code.Contains("Handle", StringComparison.Ordinal) ? "handle" : "")
            .ToDictionary(group => group.Key, group => group.Select(error => error.Description).ToArray());
}
