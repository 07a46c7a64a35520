using Marketplace.Features.Accounts;
using Marketplace.Features.Moderation;
using Marten;

namespace Marketplace.Tests.Features.Moderation;

public sealed class MemberSuspensionInputTests(AppFixture fixture) : MemberSuspensionTest(fixture)
{
    public static TheoryData<string, string> BadSuspensions => new()
    {
        { """{"until":"2000-01-01T00:00:00Z","reason":"Spam."}""", "until" },
        { """{"until":"2999-01-01T00:00:00Z","reason":"Spam."}""", "until" },
        { """{"until":"2999-01-01T00:00:00Z","reason":""}""", "reason" },
        { $$"""{"until":"{{DateTimeOffset.UtcNow.AddDays(1):O}}","reason":"{{new string('x', 501)}}"}""", "reason" },
        { $$"""{"until":"{{DateTimeOffset.UtcNow.AddDays(1):O}}","reason":"Spam\u0000."}""", "reason" },
        { """{"until":"not a date","reason":"Spam."}""", "" },
        { """{"until":99999999999999999999,"reason":"Spam."}""", "" },
        { """{"until":""", "" },
    };

    [Theory]
    [MemberData(nameof(BadSuspensions))]
    public async Task A_bad_suspension_is_a_400_and_changes_nothing(string body, string field)
    {
        var moderator = await MemberTokenAsync("moderator", Roles.Moderator);
        var target = await MemberAsync("target");

        var refused = await AsUserAsync(moderator, s =>
        {
            s.Post.Text(body).ToUrl($"/api/moderation/users/{target.Id}/suspend");
            s.WithRequestHeader("Content-Type", "application/json");
            s.StatusCodeShouldBe(400);
        });

        if (field.Length > 0)
        {
            Problem(refused).GetProperty("errors").EnumerateObject().ShouldContain(e => e.Name.Equals(field, StringComparison.OrdinalIgnoreCase));
        }

        (await QueryAsync(q => q.Query<MemberSuspension>().CountAsync())).ShouldBe(0);
        (await QueryAsync(q => q.Query<AuditEntry>().CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task A_suspension_sent_as_a_form_is_415_and_changes_nothing()
    {
        var moderator = await MemberTokenAsync("moderator", Roles.Moderator);
        var target = await MemberAsync("target");

        (await ApiStatusAsync(moderator, s => s.Post.FormData(new() { ["reason"] = "Spam." }).ToUrl($"/api/moderation/users/{target.Id}/suspend")))
            .ShouldBe(415);
        (await QueryAsync(q => q.Query<MemberSuspension>().CountAsync())).ShouldBe(0);
    }
}
