using Marketplace.Features.Accounts;
using Marketplace.Infrastructure.Web;
using OtpNet;

namespace Marketplace.Tests.Features.Accounts;

public sealed class TwoFactorTests(AppFixture fixture) : AccountsTest(fixture)
{
    [Fact]
    public async Task With_two_factor_on_signing_in_needs_a_current_code_or_a_one_time_recovery_code()
    {
        var email = NewEmail("careful");
        await CreateAccountAsync(email);
        var tokens = await LoginAsync(email);
        var (key, recoveryCodes) = await EnableTwoFactorAsync(tokens.AccessToken);
        recoveryCodes.Count.ShouldBe(10);

        var needsCode = await SendAsync(s =>
        {
            s.Post.Json(new { email, password = Password }).ToUrl("/api/auth/login");
            s.StatusCodeShouldBe(401);
        });
        needsCode.ShouldBeProblem(401, ProblemTypes.TwoFactorRequired);

        await SendAsync(s =>
        {
            s.Post.Json(new { email, password = Password, twoFactorCode = "000000" }).ToUrl("/api/auth/login");
            s.StatusCodeShouldBe(401);
        });
        await LoginAsync(email, code: Code(key, stepsAhead: 1));

        await SendAsync(s => s.Post.Json(new { email, password = Password, twoFactorRecoveryCode = recoveryCodes[0] }).ToUrl("/api/auth/login"));
        await SendAsync(s =>
        {
            s.Post.Json(new { email, password = Password, twoFactorRecoveryCode = recoveryCodes[0] }).ToUrl("/api/auth/login");
            s.StatusCodeShouldBe(401); // each recovery code works once
        });
    }

    [Fact]
    public async Task An_authenticator_code_works_once_so_a_replayed_code_is_refused()
    {
        var email = NewEmail("replay");
        await CreateAccountAsync(email);
        var tokens = await LoginAsync(email);
        var (key, _) = await EnableTwoFactorAsync(tokens.AccessToken);
        var totp = new Totp(Base32Encoding.ToBytes(key));
        var nextStep = DateTime.UtcNow.AddSeconds(30);
        var code = totp.ComputeTotp(nextStep); // the enabling code spent the current step; the next one is still fresh

        await LoginAsync(email, code: code);
        var replayed = await SendAsync(s =>
        {
            s.Post.Json(new { email, password = Password, twoFactorCode = code }).ToUrl("/api/auth/login");
            s.StatusCodeShouldBe(401);
        });

        replayed.ShouldBeProblem(401, ProblemTypes.InvalidCredentials);
    }

    [Fact]
    public async Task A_wrong_code_does_not_enable_two_factor()
    {
        var email = NewEmail("typo");
        await CreateAccountAsync(email);
        var tokens = await LoginAsync(email);
        await AsUserAsync(tokens.AccessToken, s => s.Post.Url("/api/account/2fa/setup"));

        var refused = await AsUserAsync(tokens.AccessToken, s =>
        {
            s.Post.Json(new { code = "123456" }).ToUrl("/api/account/2fa/enable");
            s.StatusCodeShouldBe(400);
        });

        refused.ShouldBeProblem(400, ProblemTypes.Validation).GetProperty("errors").TryGetProperty("code", out _).ShouldBeTrue();
        var status = await AsUserAsync(tokens.AccessToken, s => s.Get.Url("/api/account/2fa"));
        status.ReadAsJson<TwoFactor.Status>()!.Enabled.ShouldBeFalse();
    }

    [Fact]
    public async Task Turning_two_factor_off_needs_the_password()
    {
        var email = NewEmail("off");
        await CreateAccountAsync(email);
        var tokens = await LoginAsync(email);
        var (key, _) = await EnableTwoFactorAsync(tokens.AccessToken);

        await AsUserAsync(tokens.AccessToken, s =>
        {
            s.Post.Json(new { password = "not my password" }).ToUrl("/api/account/2fa/disable");
            s.StatusCodeShouldBe(400);
        });
        await LoginAsync(email, code: Code(key, stepsAhead: 1)); // still required

        await AsUserAsync(tokens.AccessToken, s =>
        {
            s.Post.Json(new { password = Password }).ToUrl("/api/account/2fa/disable");
            s.StatusCodeShouldBe(204);
        });
        await LoginAsync(email); // no code needed any more
    }

    private async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> EnableTwoFactorAsync(string accessToken)
    {
        var setup = (await AsUserAsync(accessToken, s => s.Post.Url("/api/account/2fa/setup"))).ReadAsJson<TwoFactor.Setup>()!;
        setup.AuthenticatorUri.ShouldStartWith("otpauth://totp/");
        setup.AuthenticatorUri.ShouldContain($"secret={setup.SharedKey}");
        var enabled = await AsUserAsync(accessToken, s => s.Post.Json(new { code = Code(setup.SharedKey) }).ToUrl("/api/account/2fa/enable"));
        return (setup.SharedKey, enabled.ReadAsJson<TwoFactor.RecoveryCodes>()!.Codes);
    }

    /// <summary>A code of the current time step, or of a later one (each step's code works once).</summary>
    private static string Code(string key, int stepsAhead = 0) =>
        new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(DateTime.UtcNow.AddSeconds(30 * stepsAhead));
}
