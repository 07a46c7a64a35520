using Marketplace.Testing;
using Microsoft.Playwright;

namespace Marketplace.BrowserTests;

/// <summary>One app process and one Chromium (Debian's) per test collection; each test gets a fresh browser context.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>The first admin, created from configuration at start-up as in production (never through a public endpoint).</summary>
    public const string AdminEmail = "admin@browser-tests.localhost";
    public const string AdminPassword = "browser-tests-admin";

    private TestDatabase _database = null!;
    private IPlaywright _playwright = null!;

    public AppServer App { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"Chromium was not found at {ChromiumPath}. Run ./test.sh (it installs Debian's chromium) or `apt-get install chromium`.");
        }

        _database = await TestDatabase.CreateAsync("browser");
        App = await AppServer.StartAsync(_database.ConnectionString, new Dictionary<string, string>
        {
            ["Seed__AdminEmail"] = AdminEmail,
            ["Seed__AdminPassword"] = AdminPassword,
            ["RateLimits__auth__PermitLimit"] = "1000", // every test signs up and in from the same address
            ["RateLimits__login-account__PermitLimit"] = "1000", // many tests sign in as the one admin: the per-account throttle is tested in Marketplace.Tests
            ["RateLimits__posting-new__PermitLimit"] = "1000", // test members are minutes old: the newcomer limit is tested in Marketplace.Tests
            ["Stripe__Webhooks__RetryDelays__0"] = "00:00:00.200", // a failing event reaches the dead letters in seconds
            ["Forum__Notifications__DigestDelay"] = "00:00:02", // a notification's digest mail arrives while the test waits
        });
        // Expectations wait for the page up to 15 s instead of Playwright's 5: only a page that never gets there fails,
        // not one on a machine busy with other work.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
            ],
        });
    }

    public async Task<IPage> NewPageAsync(ViewportSize? viewport = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.BaseAddress.ToString(),
            ViewportSize = viewport ?? new ViewportSize { Width = 1280, Height = 800 },
        });
        return await context.NewPageAsync();
    }

    /// <summary>Saves a screenshot under TestResults/screenshots for people to look at.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var folder = Path.Combine(RepositoryPaths.Root, "TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{name}.png"), FullPage = true });
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        await App.DisposeAsync();
        await _database.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
