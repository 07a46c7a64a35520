using Marketplace.Features.Accounts;
using Marketplace.Features.Accounts.Admin;

namespace Marketplace.Tests.Features.Accounts;

/// <summary>The role matrix: who reaches what, with explicit denials.</summary>
public sealed class AuthorizationTests(AppFixture fixture) : AccountsTest(fixture)
{
    [Theory]
    [InlineData("/api/me")]
    [InlineData("/api/account/2fa")]
    [InlineData("/api/admin/users")]
    public async Task Anonymous_callers_get_401_problem_details_not_a_redirect(string url)
    {
        var result = await SendAsync(s =>
        {
            s.Get.Url(url);
            s.StatusCodeShouldBe(401);
        });

        result.ShouldBeProblem(401, Marketplace.Infrastructure.Web.ProblemTypes.Unauthorized);
    }

    [Theory]
    [InlineData(null, 403)]
    [InlineData(Roles.Seller, 403)]
    [InlineData(Roles.Moderator, 403)]
    [InlineData(Roles.Admin, 200)]
    public async Task Only_admins_reach_the_user_administration(string? role, int expected)
    {
        var email = NewEmail(role ?? "buyer");
        await CreateAccountAsync(email, role is null ? [] : [role]);
        var tokens = await LoginAsync(email);

        await AsUserAsync(tokens.AccessToken, s =>
        {
            s.Get.Url("/api/admin/users");
            s.StatusCodeShouldBe(expected);
        });
        await AsUserAsync(tokens.AccessToken, s =>
        {
            s.Post.Url($"/api/admin/users/{Guid.NewGuid()}/moderator");
            s.StatusCodeShouldBe(expected == 200 ? 404 : 403);
        });
    }

    [Fact]
    public async Task An_admin_grants_and_revokes_moderator_and_the_member_sees_it_on_next_sign_in()
    {
        var admin = NewEmail("admin");
        await CreateAccountAsync(admin, Roles.Admin);
        var member = NewEmail("member");
        var memberId = await CreateAccountAsync(member);
        var adminTokens = await LoginAsync(admin);
        var oldMemberTokens = await LoginAsync(member);

        await AsUserAsync(adminTokens.AccessToken, s =>
        {
            s.Post.Url($"/api/admin/users/{memberId}/moderator");
            s.StatusCodeShouldBe(204);
        });

        await AsUserAsync(oldMemberTokens.AccessToken, s =>
        {
            s.Get.Url("/api/me");
            s.StatusCodeShouldBe(401); // roles changed: sign in again
        });
        var me = await AsUserAsync((await LoginAsync(member)).AccessToken, s => s.Get.Url("/api/me"));
        me.ReadAsJson<GetMe.Response>()!.Roles.ShouldContain(Roles.Moderator);

        await AsUserAsync(adminTokens.AccessToken, s =>
        {
            s.Delete.Url($"/api/admin/users/{memberId}/moderator");
            s.StatusCodeShouldBe(204);
        });
        var list = await AsUserAsync(adminTokens.AccessToken, s => s.Get.Url("/api/admin/users").QueryString("q", "member-"));
        list.ReadAsJson<ListUsers.Response>()!.Items.ShouldHaveSingleItem().Roles.ShouldBe([Roles.Buyer]);
    }

    [Fact]
    public async Task There_is_no_public_way_to_become_admin()
    {
        var email = NewEmail("climber");
        await SendAndWaitAsync(s =>
        {
            s.Post.Json(new { email, password = Password, displayName = "Climber", roles = new[] { "admin" } }).ToUrl("/api/auth/register");
            s.StatusCodeShouldBe(201);
        });

        (await WithUsersAsync(async users => (await users.FindByEmailAsync(email))!.Roles)).ShouldBe([Roles.Buyer]);
    }
}
