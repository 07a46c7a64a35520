using Marketplace.Features.Accounts;
using Marketplace.Infrastructure.Web;
using Marketplace.Tests.Features.Forum;

namespace Marketplace.Tests.Security;

/// <summary>Any page number or size on any paged list reads a page (maybe empty) or is a 400: never a 500.</summary>
public sealed class PagingTests(AppFixture fixture) : ForumTest(fixture)
{
    public static TheoryData<string> Pages => new() { "999999999", "2147483647", "0", "-5", "-2147483648" };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Every_paged_api_list_answers_200_for_any_page_number_and_size(string page)
    {
        var admin = await MemberTokenAsync("admin", Roles.Admin);
        var category = await CategoryAsync();
        await StartThreadAsync(admin, category);

        foreach (var url in new[]
        {
            $"/api/forum/categories/{category}/threads?page={page}",
            $"/api/admin/users?page={page}&pageSize={page}",
            $"/api/admin/dead-letters?page={page}&pageSize={page}",
            $"/api/admin/webhooks?page={page}&pageSize={page}",
            $"/api/forum/notifications?page={page}",
        })
        {
            await AsUserAsync(admin, s =>
            {
                s.Get.Url(url);
                s.StatusCodeShouldBe(200);
            });
        }
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Every_paged_page_renders_for_any_page_number(string page)
    {
        var admin = await MemberTokenAsync("admin", Roles.Admin);
        var category = await CategoryAsync();
        var slug = (await SendAsync(s => s.Get.Url("/api/forum/categories"))).ReadAsJson<Marketplace.Features.Forum.Categories.View[]>()!
            .Single(c => c.Id == category).Slug;

        foreach (var url in new[] { $"/forum/{slug}?p={page}", $"/admin/users?p={page}", $"/admin/dead-letters?p={page}", $"/admin/webhooks?p={page}", $"/forum/notifications?p={page}" })
        {
            await AsUserAsync(admin, s =>
            {
                s.WithRequestHeader("Accept", "text/html");
                s.Get.Url(url);
                s.StatusCodeShouldBe(200);
            });
        }
    }

    [Fact]
    public async Task A_page_number_past_the_range_of_an_integer_is_a_400_problem()
    {
        var category = await CategoryAsync();

        var result = await SendAsync(s =>
        {
            s.Get.Url($"/api/forum/categories/{category}/threads?page=99999999999");
            s.StatusCodeShouldBe(400);
        });

        result.ShouldBeProblem(400, ProblemTypes.BadRequest);
    }

    [Fact]
    public void Page_numbers_are_clamped_so_the_offset_stays_inside_an_integer()
    {
        Paging.Number(int.MaxValue).ShouldBe(Paging.MaxPage);
        Paging.Number(int.MinValue).ShouldBe(1);
        Paging.Number(null).ShouldBe(1);
        Paging.Size(-3, 25, 100).ShouldBe(1);
        Paging.Size(int.MaxValue, 25, 100).ShouldBe(100);
        ((long)(Paging.MaxPage - 1) * 200).ShouldBeLessThan(int.MaxValue);
    }
}
