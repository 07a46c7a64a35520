using Alba;
using Marketplace.Features.Accounts;
using Wolverine.Tracking;

namespace Marketplace.Tests.Features.Moderation;

/// <summary>The author of a hidden post is mailed the thread, the reason and how to appeal: once per hiding.</summary>
public sealed class PostHiddenMailTests(AppFixture fixture) : MemberSuspensionTest(fixture)
{
    [Fact]
    public async Task The_author_is_mailed_the_thread_the_reason_and_how_to_appeal_and_a_replayed_hide_mails_nothing_more()
    {
        var moderator = await MemberTokenAsync("moderator", Roles.Moderator);
        var author = await MemberAsync("author");
        var started = await StartThreadAsync(author.Token, await CategoryAsync(), title: "Kerning tables");

        await Host.ExecuteAndWaitAsync(() => HideAsync(moderator, started.PostId, new { reason = "Advertising." }), 30_000);
        await Host.ExecuteAndWaitAsync(() => HideAsync(moderator, started.PostId, new { reason = "Advertising, again." }), 30_000);

        var mail = (await HiddenMailsAsync(author.Email)).ShouldHaveSingleItem();
        mail.Subject.ShouldContain("Kerning tables");
        mail.Text.ShouldContain("The reason given: Advertising.");
        mail.Links.ShouldContain(link => link.EndsWith("/contact", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Hidden_again_after_a_restore_the_author_gets_a_second_mail_without_a_reason_said_so()
    {
        var moderator = await MemberTokenAsync("moderator", Roles.Moderator);
        var author = await MemberAsync("author");
        var started = await StartThreadAsync(author.Token, await CategoryAsync());

        await Host.ExecuteAndWaitAsync(() => HideAsync(moderator, started.PostId, null), 30_000);
        await AsUserAsync(moderator, s =>
        {
            s.Post.Url($"/api/moderation/posts/{started.PostId}/restore");
            s.StatusCodeShouldBe(204);
        });
        await Host.ExecuteAndWaitAsync(() => HideAsync(moderator, started.PostId, null), 30_000);

        var mails = await HiddenMailsAsync(author.Email);
        mails.Count.ShouldBe(2);
        mails.ShouldAllBe(m => m.Text.Contains("No reason was given."));
    }

    [Fact]
    public async Task Five_moderators_hiding_one_post_at_once_mail_its_author_once()
    {
        var moderators = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => MemberTokenAsync($"moderator{i}", Roles.Moderator)));
        var author = await MemberAsync("author");
        var started = await StartThreadAsync(author.Token, await CategoryAsync());

        await Host.ExecuteAndWaitAsync(() => Task.WhenAll(moderators.Select(m => HideAsync(m, started.PostId, new { reason = "Spam." }))), 60_000);

        (await HiddenMailsAsync(author.Email)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_moderator_hiding_their_own_post_is_not_mailed()
    {
        var email = NewEmail("moderator");
        await CreateAccountAsync(email, Roles.Moderator);
        var token = (await LoginAsync(email)).AccessToken;
        var started = await StartThreadAsync(token, await CategoryAsync());

        await Host.ExecuteAndWaitAsync(() => HideAsync(token, started.PostId, new { reason = "Posted in the wrong place." }), 30_000);

        (await HiddenMailsAsync(email)).ShouldBeEmpty();
    }

    private Task<IScenarioResult> HideAsync(string moderator, Guid postId, object? note) =>
        AsUserAsync(moderator, s =>
        {
            if (note is null)
            {
                s.Post.Url($"/api/moderation/posts/{postId}/hide");
            }
            else
            {
                s.Post.Json(note).ToUrl($"/api/moderation/posts/{postId}/hide");
            }

            s.StatusCodeShouldBe(204);
        });

    private async Task<IReadOnlyList<Mail>> HiddenMailsAsync(string email) =>
        [.. (await MailsToAsync(email)).Where(m => m.Subject.Contains("was hidden", StringComparison.Ordinal))];
}
