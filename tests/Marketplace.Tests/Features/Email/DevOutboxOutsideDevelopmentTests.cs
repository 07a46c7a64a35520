using Marketplace.Infrastructure.Web;

namespace Marketplace.Tests.Features.Email;

[Collection(StagingCollection.Name)]
public sealed class DevOutboxOutsideDevelopmentTests(StagingFixture fixture)
{
    [Fact]
    public async Task The_dev_outbox_api_does_not_exist_outside_development()
    {
        var result = await fixture.Host.Scenario(s =>
        {
            s.Get.Url("/api/dev/outbox");
            s.StatusCodeShouldBe(404);
        });

        result.ShouldBeProblem(404, ProblemTypes.NotFound);
    }

    [Fact]
    public async Task The_dev_outbox_page_does_not_exist_outside_development()
    {
        await fixture.Host.Scenario(s =>
        {
            s.Get.Url("/dev/outbox");
            s.WithRequestHeader("Accept", "text/html");
            s.StatusCodeShouldBe(404);
        });
    }
}
