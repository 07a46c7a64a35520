using Marketplace.Features.Accounts;
using Marketplace.Features.Forum;
using Marketplace.Features.Moderation;
using Marten;
using Wolverine.Tracking;

namespace Marketplace.Tests.Features.Moderation;

public sealed class MemberSuspensionTests(AppFixture fixture) : MemberSuspensionTest(fixture)
{
    [Fact]
    public async Task A_suspended_member_cannot_post_or_buy_but_can_still_read_manage_their_account_and_appeal()
    {
        var moderator = await MemberTokenAsync("moderator", Roles.Moderator);
        var categoryId = await CategoryAsync();
        var member = await MemberAsync();
        var thread = await StartThreadAsync(member.Token, categoryId);

        await SuspendAsync(moderator, member.Id);

        var refused = await AsUserAsync(member.Token, s =>
        {
            s.Post.Json(new { body = "Still here." }).ToUrl($"/api/forum/threads/{thread.ThreadId}/posts");
            s.StatusCodeShouldBe(403);
        });
        var problem = Problem(refused);
        problem.GetProperty("type").GetString().ShouldBe("/problems/member-suspended");
        problem.GetProperty("detail").GetString()!.ShouldContain("Spam in three threads.");
        (await ApiStatusAsync(member.Token, s => s.Post.Json(new { productId = Guid.NewGuid(), quantity = 1 }).ToUrl("/api/cart/items"))).ShouldBe(403);
        (await ApiStatusAsync(member.Token, s => s.Post.Json(new { name = "Shop", slug = "suspended-shop", description = "x" }).ToUrl("/api/shops"))).ShouldBe(403);

        (await ApiStatusAsync(member.Token, s => s.Get.Url($"/api/forum/threads/{thread.ThreadId}"))).ShouldBe(200);
        (await ApiStatusAsync(member.Token, s => s.Get.Url("/api/orders"))).ShouldBe(200);
        (await ApiStatusAsync(member.Token, s => s.Put.Json(new { displayName = "Reformed" }).ToUrl("/api/account/display-name"))).ShouldNotBe(403);
        (await ApiStatusAsync(member.Token, s => s.Post.Json(new { name = "Me", email = member.Email, subject = "Appeal", message = "It was a mistake." })
            .ToUrl("/api/platform/contact"))).ShouldBe(202);
    }

    [Fact]
    public async Task A_suspended_member_posting_from_the_page_is_told_why_and_until_when()
    {
        var moderator = await MemberTokenAsync("moderator", Roles.Moderator);
        var member = await MemberAsync();
        var thread = await StartThreadAsync(member.Token, await CategoryAsync());
        await SuspendAsync(moderator, member.Id, Suspension("Rude to other members."));

        var page = await PostFormAsync(member.Token, $"/forum/threads/{thread.ThreadId}", new() { ["Input.Body"] = "Hello again." }, 403);

        var html = await page.ReadAsTextAsync();
        html.ShouldContain("Your account is suspended");
        html.ShouldContain("Rude to other members.");
    }

    [Fact]
    public async Task The_member_is_mailed_the_reason_and_how_to_appeal_and_the_forum_stops_their_typing()
    {
        var moderator = await MemberTokenAsync("moderator", Roles.Moderator);
        var member = await MemberAsync();

        await Host.ExecuteAndWaitAsync(() => SuspendAsync(moderator, member.Id, Suspension("Selling stolen fonts.")), 30_000);

        var mail = (await MailsToAsync(member.Email)).Single(m => m.Subject.Contains("suspended", StringComparison.Ordinal));
        mail.Text.ShouldContain("Selling stolen fonts.");
        mail.Links.ShouldContain(link => link.EndsWith("/contact", StringComparison.Ordinal));
        (await QueryAsync(q => q.LoadAsync<ForumMember>(member.Id)))!.PostingSuspendedUntil.ShouldNotBeNull();
    }

    [Fact]
    public async Task Lifting_a_suspension_lets_the_member_post_again_and_is_audited()
    {
        var moderator = await MemberTokenAsync("moderator", Roles.Moderator);
        var member = await MemberAsync();
        var thread = await StartThreadAsync(member.Token, await CategoryAsync());
        await SuspendAsync(moderator, member.Id);

        await Host.ExecuteAndWaitAsync(() => AsUserAsync(moderator, s =>
        {
            s.Post.Json(new { reason = "Appeal accepted." }).ToUrl($"/api/moderation/users/{member.Id}/unsuspend");
            s.StatusCodeShouldBe(200);
        }), 30_000);

        await ReplyAsync(member.Token, thread.ThreadId, "Thank you, I will behave.");
        var entries = await QueryAsync(q => q.Query<AuditEntry>().Where(e => e.TargetId == member.Id.ToString()).OrderBy(e => e.At).ToListAsync());
        entries.Select(e => e.Action).ShouldBe(["member.suspend", "member.unsuspend"]);
        entries[1].Before["reason"].ShouldBe("Spam in three threads.");
        entries[1].After["until"].ShouldBeNull();
        entries[1].Reason.ShouldBe("Appeal accepted.");
        (await QueryAsync(q => q.LoadAsync<ForumMember>(member.Id)))!.PostingSuspendedUntil.ShouldBeNull();
    }

    [Fact]
    public async Task Moderators_suspend_members_admins_also_moderators_and_nobody_an_admin_or_themselves()
    {
        var moderatorEmail = NewEmail("moderator");
        var moderatorId = await CreateAccountAsync(moderatorEmail, Roles.Moderator);
        var moderator = (await LoginAsync(moderatorEmail)).AccessToken;
        var otherModeratorEmail = NewEmail("moderator2");
        var otherModeratorId = await CreateAccountAsync(otherModeratorEmail, Roles.Moderator);
        var adminEmail = NewEmail("admin");
        var adminId = await CreateAccountAsync(adminEmail, Roles.Admin);
        var admin = (await LoginAsync(adminEmail)).AccessToken;

        // Each refusal is a 403 ProblemDetails whose title says which rule it is.
        (await SuspendAsync(moderator, otherModeratorId, status: 403)).ShouldBeProblem(403, "/problems/forbidden").GetProperty("detail").GetString()
            .ShouldBe("Moderators are suspended by admins only.");
        (await SuspendAsync(moderator, moderatorId, status: 403)).ShouldBeProblem(403, "/problems/forbidden").GetProperty("title").GetString()
            .ShouldBe("You cannot suspend yourself.");
        (await SuspendAsync(admin, adminId, status: 403)).ShouldBeProblem(403, "/problems/forbidden").GetProperty("title").GetString()
            .ShouldBe("You cannot suspend yourself.");
        (await SuspendAsync(moderator, adminId, status: 403)).ShouldBeProblem(403, "/problems/forbidden").GetProperty("title").GetString()
            .ShouldBe("Admins cannot be suspended.");
        await SuspendAsync(admin, otherModeratorId);
        await SuspendAsync(moderator, Guid.NewGuid(), status: 404);
        (await QueryAsync(q => q.Query<MemberSuspension>().CountAsync())).ShouldBe(1);
    }

    [Fact]
    public async Task Only_moderators_and_admins_suspend_and_lift_suspensions()
    {
        var target = await MemberAsync("target");
        var member = (await MemberAsync()).Token;
        var seller = await MemberTokenAsync("seller", Roles.Seller);
        var moderator = await MemberTokenAsync("moderator", Roles.Moderator);
        var admin = await MemberTokenAsync("admin", Roles.Admin);
        var expected = new (string? Token, int Suspend, int Lift)[] { (null, 401, 401), (member, 403, 403), (seller, 403, 403), (moderator, 200, 200), (admin, 200, 200) };

        foreach (var (token, suspend, lift) in expected)
        {
            (await ApiStatusAsync(token, s => s.Post.Json(Suspension()).ToUrl($"/api/moderation/users/{target.Id}/suspend"))).ShouldBe(suspend);
            (await ApiStatusAsync(token, s => s.Post.Json(new { }).ToUrl($"/api/moderation/users/{target.Id}/unsuspend"))).ShouldBe(lift);
        }
    }

    [Fact]
    public async Task Ten_identical_suspensions_at_once_make_one_suspension_one_audit_entry_and_one_mail()
    {
        var moderator = await MemberTokenAsync("moderator", Roles.Moderator);
        var target = await MemberAsync("target");
        var body = new { until = DateTimeOffset.UtcNow.AddDays(3), reason = "Flooding the forum." };

        await Host.ExecuteAndWaitAsync(() => Task.WhenAll(Enumerable.Range(0, 10).Select(_ => SuspendAsync(moderator, target.Id, body))), 60_000);

        (await QueryAsync(q => q.Query<MemberSuspension>().CountAsync())).ShouldBe(1);
        (await QueryAsync(q => q.Query<AuditEntry>().Where(e => e.Action == "member.suspend").CountAsync())).ShouldBe(1);
        (await MailsToAsync(target.Email)).Count(m => m.Subject.Contains("suspended", StringComparison.Ordinal)).ShouldBe(1);
    }
}
