namespace Marketplace.BrowserTests.Pages.EveryPage;

/// <summary>
/// Every page of the app (from its route table), for a visitor signed out and for a member, a seller, a moderator and
/// an admin (<see cref="PageSurvey"/>).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class EveryPageTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Every_page_passes_axe_for_every_visitor_at_desktop_and_phone_width_in_light_and_dark()
    {
        var survey = await PageSurvey.OfAsync(fixture);

        survey.PagesSeen.ShouldBeGreaterThan(60);
        survey.AccessibilityProblems.ShouldBeEmpty();
    }

    [Fact]
    public async Task No_page_is_wider_than_the_window_at_320_390_and_768_px()
    {
        var survey = await PageSurvey.OfAsync(fixture);

        survey.Overflows.ShouldBeEmpty();
    }
}
