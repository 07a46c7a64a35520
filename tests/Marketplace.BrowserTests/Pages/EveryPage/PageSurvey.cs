using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Marketplace.BrowserTests.Pages.EveryPage;

/// <summary>
/// One walk through every page for every visitor, done once per app host and read by the tests that judge it: each
/// page is loaded once and looked at wide (1280 px) and on phones (768, 390, 320 px), so the scan stays cheap.
/// </summary>
public sealed class PageSurvey
{
    // Only colours change between the schemes, so the dark pass runs the rules that look at colour.
    private static readonly AxeRunOptions Everything = new() { ResultTypes = [ResultType.Violations] };

    private static readonly AxeRunOptions Colours = new()
    {
        ResultTypes = [ResultType.Violations],
        RunOnly = new RunOnlyOptions { Type = "rule", Values = ["color-contrast", "link-in-text-block"] },
    };

    private static readonly Dictionary<BrowserFixture, Task<PageSurvey>> Surveys = [];

    /// <summary>Serious or critical axe violations and missing landmarks, one line each, naming visitor, width, scheme and page.</summary>
    public List<string> AccessibilityProblems { get; } = [];

    /// <summary>Pages wider than the window, naming visitor, width and page.</summary>
    public List<string> Overflows { get; } = [];

    public int PagesSeen { get; private set; }

    public static Task<PageSurvey> OfAsync(BrowserFixture fixture)
    {
        lock (Surveys)
        {
            if (!Surveys.TryGetValue(fixture, out var survey))
            {
                Surveys[fixture] = survey = RunAsync(fixture);
            }

            return survey;
        }
    }

    private static async Task<PageSurvey> RunAsync(BrowserFixture fixture)
    {
        await using var visitors = await Visitors.SignInEachAsync(fixture);
        var pages = await PageList.ListAsync(visitors.Pages[^1].Page);
        var survey = new PageSurvey();
        // The visitors are independent browser contexts: they walk side by side.
        var walks = await Task.WhenAll(visitors.Pages.Select(visitor => WalkAsync(visitor.Role, visitor.Page, pages)));
        foreach (var walk in walks)
        {
            survey.AccessibilityProblems.AddRange(walk.AccessibilityProblems);
            survey.Overflows.AddRange(walk.Overflows);
            survey.PagesSeen += walk.PagesSeen;
        }

        return survey;
    }

    private static async Task<PageSurvey> WalkAsync(string role, IPage page, IReadOnlyList<PageToVisit> pages)
    {
        var walk = new PageSurvey();
        var seen = new HashSet<string>();
        foreach (var visit in pages)
        {
            await page.SetViewportSizeAsync(1280, 800);
            await page.GotoAsync(visit.Url);
            var landed = new Uri(page.Url).PathAndQuery;
            if (!seen.Add(landed))
            {
                continue; // a redirect to a page already seen (sign-in, the thread behind its actions)
            }

            walk.PagesSeen++;
            var where = $"{role}, {visit.Url} ({visit.Page}{(landed == visit.Url ? "" : $" → {landed}")})";
            walk.AccessibilityProblems.AddRange(await LandmarksAsync(page, where));
            await walk.ScanAsync(page, $"{where}, 1280 px");
            foreach (var width in new[] { 768, 390, 320 })
            {
                await page.SetViewportSizeAsync(width, 800);
                if (width == 390)
                {
                    await OpenPhoneMenuAsync(page);
                    await walk.ScanAsync(page, $"{where}, 390 px");
                }

                if (await page.EvaluateAsync<int[]>("[document.scrollingElement.scrollWidth, document.scrollingElement.clientWidth]") is [var scroll, var client]
                    && scroll > client)
                {
                    walk.Overflows.Add($"{where}, {width} px: {scroll} px wide");
                }
            }
        }

        return walk;
    }

    private async Task ScanAsync(IPage page, string where)
    {
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });
        AccessibilityProblems.AddRange(Serious(await RunAxeAsync(page, Everything), $"{where}, light"));
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        AccessibilityProblems.AddRange(Serious(await RunAxeAsync(page, Colours), $"{where}, dark"));
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });
    }

    /// <summary>
    /// axe's legacy run scans the page where it is (the pages have no frames). The default run opens a new page for
    /// every scan to finish in, which made this survey take over nine minutes here instead of about two.
    /// </summary>
#pragma warning disable CS0618 // legacy mode is deprecated upstream, not removed; swap it when it is
    private static Task<AxeResult> RunAxeAsync(IPage page, AxeRunOptions options) => page.Locator("html").RunAxeLegacy(options);
#pragma warning restore CS0618

    /// <summary>On a phone the links are behind the menu button: open it, so they are scanned and measured too.</summary>
    private static async Task OpenPhoneMenuAsync(IPage page)
    {
        var menu = page.Locator("#nav-toggle");
        if (await menu.IsVisibleAsync())
        {
            await menu.ClickAsync();
            await Assertions.Expect(menu).ToHaveAttributeAsync("aria-expanded", "true");
        }
    }

    private static async Task<IEnumerable<string>> LandmarksAsync(IPage page, string where)
    {
        var counts = await page.EvaluateAsync<int[]>(
            "['main', 'h1', 'header.site-header', 'footer.site-footer', 'nav'].map(s => document.querySelectorAll(s).length)");
        return counts is [1, 1, 1, 1, >= 1]
            ? []
            : [$"{where}: main, h1, header, footer and nav counted {string.Join(", ", counts)} (expected 1, 1, 1, 1 and at least 1)"];
    }

    private static IEnumerable<string> Serious(AxeResult result, string where) =>
        result.Violations
            .Where(violation => violation.Impact is "serious" or "critical")
            .Select(violation => $"{where}: {violation.Id} ({violation.Impact}) {violation.Help} at " +
                string.Join("; ", violation.Nodes.Take(3).Select(node => $"{node.Target} {node.Html}")));
}
