using Microsoft.AspNetCore.Authentication;

namespace Marketplace.Tests.Features.Accounts;

/// <summary>Authentication runs only for requests that carry credentials; a visitor's request skips it.</summary>
public sealed class AnonymousRequestTests(AppFixture fixture) : AccountsTest(fixture)
{
    [Fact]
    public async Task A_request_without_cookies_or_tokens_never_reaches_the_authentication_handlers()
    {
        var result = await Host.Scenario(s => s.Get.Url("/api/platform/settings"));

        result.Context.Features.Get<IAuthenticationFeature>().ShouldBeNull();
        result.Context.User.Identity!.IsAuthenticated.ShouldBeFalse();
    }

    [Fact]
    public async Task A_bearer_token_is_still_authenticated()
    {
        var email = NewEmail("anonymous-skip");
        await CreateAccountAsync(email);
        var tokens = await LoginAsync(email);

        var result = await AsUserAsync(tokens.AccessToken, s => s.Get.Url("/api/me"));

        result.Context.Features.Get<IAuthenticationFeature>().ShouldNotBeNull();
        result.Context.User.Identity!.IsAuthenticated.ShouldBeTrue();
    }

    [Fact]
    public async Task An_anonymous_call_to_a_members_route_is_still_a_401()
    {
        await Host.Scenario(s =>
        {
            s.Get.Url("/api/me");
            s.StatusCodeShouldBe(401);
        });
    }
}
