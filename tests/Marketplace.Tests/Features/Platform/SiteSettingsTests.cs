using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Marketplace.Features.Platform;

namespace Marketplace.Tests.Features.Platform;

public sealed class SiteSettingsTests(AppFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public async Task Settings_fall_back_to_the_configured_defaults_until_an_admin_saves_some()
    {
        var result = await Host.Scenario(s => s.Get.Url("/api/platform/settings"));

        var settings = result.ReadAsJson<JsonElement>();
        settings.GetProperty("name").GetString().ShouldBe("Marketplace");
        settings.GetProperty("currency").GetString().ShouldBe("usd");
    }

    [Fact]
    public async Task Saved_settings_are_served_and_shown_on_the_home_page()
    {
        await StoreAsync(new SiteSettings
        {
            Name = "Type Foundry Market", Tagline = "Fonts by people.", SupportEmail = "help@foundry.example",
            Currency = "eur", Announcement = "Winter sale: 20% off everything.",
        });

        Host.Services.GetRequiredService<SiteSettingsReader>().Forget();

        var api = await Host.Scenario(s => s.Get.Url("/api/platform/settings"));
        api.ReadAsJson<JsonElement>().GetProperty("name").GetString().ShouldBe("Type Foundry Market");

        var page = await Host.Scenario(s => s.Get.Url("/"));
        var html = await page.ReadAsTextAsync();
        html.ShouldContain("Type Foundry Market");
        html.ShouldContain("Winter sale: 20% off everything.");
    }
}
