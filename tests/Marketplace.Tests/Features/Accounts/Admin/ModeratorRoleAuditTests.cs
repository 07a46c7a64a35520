using Marketplace.Features.Accounts;
using Marketplace.Features.Moderation;
using Marketplace.Tests.Features.Shops;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests.Features.Accounts.Admin;

public sealed class ModeratorRoleAuditTests(AppFixture fixture) : ShopsTest(fixture)
{
    private Task<int> ChangeAsync(string admin, Guid memberId, bool grant) => ApiStatusAsync(admin, s =>
    {
        if (grant)
        {
            s.Post.Url($"/api/admin/users/{memberId}/moderator");
        }
        else
        {
            s.Delete.Url($"/api/admin/users/{memberId}/moderator");
        }
    });

    private Task<IReadOnlyList<AuditEntry>> EntriesAsync(Guid memberId) =>
        QueryAsync(q => q.Query<AuditEntry>().Where(e => e.TargetId == memberId.ToString()).OrderBy(e => e.At).ToListAsync());

    [Fact]
    public async Task Granting_and_revoking_moderator_each_write_an_audit_entry_with_the_roles_before_and_after()
    {
        var admin = await MemberAsync("admin", Roles.Admin);
        var member = await MemberAsync("member");

        (await ChangeAsync(admin.Token, member.Id, grant: true)).ShouldBe(204);
        (await ChangeAsync(admin.Token, member.Id, grant: false)).ShouldBe(204);

        var entries = await EntriesAsync(member.Id);
        entries.Select(e => e.Action).ShouldBe(["member.role.grant", "member.role.revoke"]);
        entries.ShouldAllBe(e => e.ActorId == admin.Id && e.TargetKind == "member");
        (entries[0].Before["roles"], entries[0].After["roles"]).ShouldBe(("buyer", "buyer moderator"));
        (entries[1].Before["roles"], entries[1].After["roles"]).ShouldBe(("buyer moderator", "buyer"));
    }

    [Fact]
    public async Task A_grant_that_changes_nothing_and_a_grant_to_no_account_write_no_entry()
    {
        var admin = await MemberAsync("admin", Roles.Admin);
        var moderator = await MemberAsync("moderator", Roles.Moderator);

        (await ChangeAsync(admin.Token, moderator.Id, grant: true)).ShouldBe(204);
        (await ChangeAsync(admin.Token, Guid.NewGuid(), grant: true)).ShouldBe(404);

        (await QueryAsync(q => q.Query<AuditEntry>().CountAsync())).ShouldBe(0);
        (await WithUsersAsync(async users => (await users.FindByIdAsync($"{moderator.Id}"))!.Roles)).ShouldBe([Roles.Buyer, Roles.Moderator]);
    }

    [Fact]
    public async Task Two_admins_granting_the_same_member_at_once_both_succeed_and_one_entry_is_written()
    {
        var first = await MemberAsync("admin", Roles.Admin);
        var second = await MemberAsync("admin", Roles.Admin);
        var member = await MemberAsync("member");

        var statuses = await Task.WhenAll(
            Enumerable.Range(0, 4).Select(i => ChangeAsync(i % 2 == 0 ? first.Token : second.Token, member.Id, grant: true)));

        statuses.ShouldAllBe(status => status == 204);
        (await EntriesAsync(member.Id)).ShouldHaveSingleItem().Action.ShouldBe("member.role.grant");
        (await WithUsersAsync(async users => (await users.FindByIdAsync($"{member.Id}"))!.Roles)).ShouldBe([Roles.Buyer, Roles.Moderator]);
    }

    [Fact]
    public async Task An_existing_account_made_admin_by_configuration_is_logged_as_a_grant_by_the_system_and_only_once()
    {
        var member = await MemberAsync("operator");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Seed:AdminEmail"] = member.Email, ["Seed:AdminPassword"] = "unused for an existing account",
        }).Build();
        var configured = new ConfiguredAdmin(Host.Services.GetRequiredService<IServiceScopeFactory>(), configuration);

        await configured.StartAsync(CancellationToken.None);
        await configured.StartAsync(CancellationToken.None); // every start-up runs it: an admin already stays one, unlogged

        var entry = (await EntriesAsync(member.Id)).ShouldHaveSingleItem();
        (entry.Action, entry.ActorId, entry.ActorName, entry.Reason).ShouldBe(("member.role.grant", Guid.Empty, "system", "Seed:AdminEmail"));
        (entry.Before["roles"], entry.After["roles"]).ShouldBe(("buyer", "buyer admin"));
        (await WithUsersAsync(async users => (await users.FindByIdAsync($"{member.Id}"))!.Roles)).ShouldContain(Roles.Admin);
    }
}
