using Marketplace.Infrastructure.Payments;
using Marketplace.StripeSandbox.Wire;
using Stripe;

namespace Marketplace.Tests.StripeSandbox;

/// <summary>
/// Who may call the sandbox's newer routes (capture, cancel, disputes, application fees and their refunds, capabilities,
/// every list), answered as Stripe answers: no key, a key it does not know and the publishable key are each a 401 in
/// Stripe's error format; a <c>Stripe-Account</c> naming an account that is not connected to this platform, or no longer
/// is, a 403 <c>account_invalid</c>. A connected account acting on the platform's objects finds none (404
/// <c>resource_missing</c>, <c>param: "id"</c>), works with no account but its own, and lists only its own objects.
/// Nothing refused changes anything.
/// </summary>
public sealed class SandboxAccessMatrixTests(AppFixture fixture) : SandboxAccessTest(fixture)
{
    public enum Caller
    {
        NoKey,
        UnknownKey,
        PublishableKey,
        UnknownAccount,
        DeauthorizedAccount,
    }

    private static readonly string[] Lists =
    [
        "/v1/application_fees", "/v1/balance_transactions", "/v1/charges", "/v1/checkout/sessions", "/v1/disputes", "/v1/events",
        "/v1/payouts", "/v1/refunds", "/v1/transfers", "/v1/transfers/{tr}/reversals",
    ];

    private static readonly (string Method, string Path)[] OnPlatformObjects =
    [
        ("POST", "/v1/payment_intents/{pi}/capture"),
        ("POST", "/v1/payment_intents/{pi}/cancel"),
        ("POST", "/v1/disputes/{dp}"),
        ("POST", "/v1/disputes/{dp}/close"),
        ("GET", "/v1/application_fees/{fee}"),
        ("POST", "/v1/application_fees/{fee}/refunds"),
    ];

    private static readonly (string Method, string Path)[] OnAccounts =
    [
        ("GET", "/v1/accounts/{acct}/capabilities"),
        ("GET", "/v1/accounts/{acct}/capabilities/transfers"),
        ("POST", "/v1/accounts/{acct}/capabilities/transfers"),
    ];

    [Theory]
    [InlineData(Caller.NoKey, 401, null, "You did not provide an API key.")]
    [InlineData(Caller.UnknownKey, 401, null, "Invalid API Key provided: sk_test_")]
    [InlineData(Caller.PublishableKey, 401, "secret_key_required", "This API call cannot be made with a publishable API key.")]
    [InlineData(Caller.UnknownAccount, 403, "account_invalid", "does not have access to account 'acct_1NotThisPlatforms'")]
    [InlineData(Caller.DeauthorizedAccount, 403, "account_invalid", "Application access may have been revoked.")]
    public async Task Every_route_refuses_the_caller_as_stripe_does_and_changes_nothing(Caller caller, int status, string? code, string message)
    {
        var objects = await PlatformObjectsAsync();
        var former = await OnboardedAccountAsync("Former shop");
        await Host.Scenario(s => s.Post.Url($"/stripe-sandbox/control/accounts/{former.Id}/deauthorize"));
        var (key, account) = caller switch
        {
            Caller.NoKey => (null, null),
            Caller.UnknownKey => ("sk_test_another_platforms_secret_key", null),
            Caller.PublishableKey => (SandboxApiKey.PublishableFor(StripeOptions.SandboxSecretKey), null),
            Caller.UnknownAccount => (StripeOptions.SandboxSecretKey, "acct_1NotThisPlatforms"),
            _ => (StripeOptions.SandboxSecretKey, former.Id),
        };

        var wrong = new List<string>();
        foreach (var (method, path) in OnPlatformObjects.Concat(OnAccounts).Concat(Lists.Select(list => ("GET", list))))
        {
            var answer = await CallAsync(method, objects.Fill(path), key, account);
            if (answer.Status != status || answer.Type != "invalid_request_error" || answer.Code != code || !answer.Message.Contains(message, StringComparison.Ordinal))
            {
                wrong.Add($"{method} {path}: {answer}");
            }
        }

        wrong.ShouldBeEmpty();
        await ShouldBeUnchangedAsync(objects);
    }

    [Fact]
    public async Task A_connected_account_acting_on_the_platforms_objects_finds_none_of_them_and_changes_nothing()
    {
        var objects = await PlatformObjectsAsync();

        var wrong = new List<string>();
        foreach (var (method, path) in OnPlatformObjects.Append(("GET", "/v1/transfers/{tr}/reversals")).Append(("GET", "/v1/payment_intents/{pi}")))
        {
            var id = objects.Fill(path).Split('/')[3];
            var answer = await CallAsync(method, objects.Fill(path), StripeOptions.SandboxSecretKey, objects.Shop);
            if (answer is not { Status: 404, Code: "resource_missing", Param: "id" } || !answer.Message.EndsWith($"'{id}'", StringComparison.Ordinal))
            {
                wrong.Add($"{method} {path}: {answer}");
            }
        }

        wrong.ShouldBeEmpty();
        await ShouldBeUnchangedAsync(objects);
    }

    [Fact]
    public async Task A_connected_account_works_with_its_own_capabilities_only()
    {
        var objects = await PlatformObjectsAsync();

        foreach (var (method, path) in OnAccounts)
        {
            var another = await CallAsync(method, objects.Fill(path), StripeOptions.SandboxSecretKey, objects.Shop);
            var own = await CallAsync(method, path.Replace("{acct}", objects.Shop, StringComparison.Ordinal), StripeOptions.SandboxSecretKey, objects.Shop);

            another.Status.ShouldBe(403, $"{method} {path}");
            another.Message.ShouldStartWith("Only Stripe Connect platforms can work with other accounts.");
            own.Status.ShouldBe(200, $"{method} {path}");
        }

        (await new AccountService(Stripe).GetAsync(objects.OtherShop)).Capabilities.Transfers.ShouldBe("active");
    }

    [Fact]
    public async Task A_connected_accounts_lists_hold_its_own_objects_and_none_of_the_platforms()
    {
        var objects = await PlatformObjectsAsync();

        foreach (var list in Lists.Where(list => !list.Contains('{', StringComparison.Ordinal)))
        {
            var platforms = Ids(await CallAsync("GET", $"{list}?limit=100", StripeOptions.SandboxSecretKey, null));
            var shops = Ids(await CallAsync("GET", $"{list}?limit=100", StripeOptions.SandboxSecretKey, objects.Shop));

            shops.Intersect(platforms).ShouldBeEmpty(list);
        }

        Ids(await CallAsync("GET", "/v1/application_fees", StripeOptions.SandboxSecretKey, null)).ShouldBe([objects.Fee]);
        Ids(await CallAsync("GET", "/v1/disputes", StripeOptions.SandboxSecretKey, null)).ShouldBe([objects.Dispute]);
        Ids(await CallAsync("GET", "/v1/balance_transactions", StripeOptions.SandboxSecretKey, objects.Shop)).ShouldNotBeEmpty("the shop's payment");
        Ids(await CallAsync("GET", "/v1/events", StripeOptions.SandboxSecretKey, objects.Shop)).ShouldNotBeEmpty("the shop's account events");
    }
}
