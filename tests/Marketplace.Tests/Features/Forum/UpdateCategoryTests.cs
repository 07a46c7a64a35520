using Marketplace.Features.Accounts;
using Marketplace.Features.Forum;

namespace Marketplace.Tests.Features.Forum;

public sealed class UpdateCategoryTests(AppFixture fixture) : ForumTest(fixture)
{
    [Fact]
    public async Task An_admin_renames_describes_moves_and_locks_a_category_and_its_address_stays()
    {
        var admin = await MemberTokenAsync("admin", Roles.Admin);
        var categoryId = await CategoryAsync();
        var before = await CategoryViewAsync(categoryId);

        var updated = await AsUserAsync(admin, s =>
        {
            s.Put.Json(new { name = "News", description = "From the team.", position = 0, readOnly = true }).ToUrl($"/api/forum/categories/{categoryId}");
            s.StatusCodeShouldBe(200);
        });

        updated.ReadAsJson<Categories.View>()!.ShouldBe(before with { Name = "News", Description = "From the team.", Position = 0, ReadOnly = true });
        (await CategoryViewAsync(categoryId)).ShouldBe(before with { Name = "News", Description = "From the team.", Position = 0, ReadOnly = true });
    }

    [Fact]
    public async Task Bad_fields_are_a_400_naming_each_and_change_nothing()
    {
        var admin = await MemberTokenAsync("admin", Roles.Admin);
        var categoryId = await CategoryAsync();
        var before = await CategoryViewAsync(categoryId);

        var refused = await AsUserAsync(admin, s =>
        {
            s.Put.Json(new { name = "", description = new string('x', 301), position = -1, readOnly = true }).ToUrl($"/api/forum/categories/{categoryId}");
            s.StatusCodeShouldBe(400);
        });

        var errors = Problem(refused).GetProperty("errors");
        errors.TryGetProperty("name", out _).ShouldBeTrue();
        errors.TryGetProperty("description", out _).ShouldBeTrue();
        errors.TryGetProperty("position", out _).ShouldBeTrue();
        (await CategoryViewAsync(categoryId)).ShouldBe(before);
    }

    [Fact]
    public async Task Only_admins_edit_categories_and_an_unknown_one_is_a_404()
    {
        var categoryId = await CategoryAsync();
        var before = await CategoryViewAsync(categoryId);
        var body = new { name = "Hijacked", description = "", position = 1, readOnly = false };

        await AsUserAsync(await MemberTokenAsync("moderator", Roles.Moderator), s =>
        {
            s.Put.Json(body).ToUrl($"/api/forum/categories/{categoryId}");
            s.StatusCodeShouldBe(403);
        });
        await SendAsync(s =>
        {
            s.Put.Json(body).ToUrl($"/api/forum/categories/{categoryId}");
            s.StatusCodeShouldBe(401);
        });
        await AsUserAsync(await MemberTokenAsync("admin", Roles.Admin), s =>
        {
            s.Put.Json(body).ToUrl($"/api/forum/categories/{Guid.NewGuid()}");
            s.StatusCodeShouldBe(404);
        });
        (await CategoryViewAsync(categoryId)).ShouldBe(before);
    }

    private async Task<Categories.View> CategoryViewAsync(Guid categoryId) =>
        (await SendAsync(s => s.Get.Url("/api/forum/categories"))).ReadAsJson<Categories.View[]>()!.Single(c => c.Id == categoryId);
}
