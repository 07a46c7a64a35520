using Marketplace.Features.Accounts;
using Microsoft.Playwright;
using static Marketplace.BrowserTests.Pages.Account.AccountSteps;

namespace Marketplace.BrowserTests.Pages.EveryPage;

/// <summary>Who looks at every page: signed out, and signed in as each demo role. One browser context each, signed in once.</summary>
public sealed class Visitors : IAsyncDisposable
{
    public static readonly IReadOnlyList<(string Role, string? Email)> All =
    [
        ("signed out", null),
        ("member", "buyer@marketplace.localhost"),
        ("seller", "seller@marketplace.localhost"),
        ("moderator", "moderator@marketplace.localhost"),
        ("admin", "admin@marketplace.localhost"), // last: PageList starts its thread as the admin
    ];

    private readonly List<IBrowserContext> _contexts = [];

    public static async Task<Visitors> SignInEachAsync(BrowserFixture fixture)
    {
        var visitors = new Visitors();
        foreach (var (role, email) in All)
        {
            var page = await fixture.NewPageAsync();
            visitors._contexts.Add(page.Context);
            if (email is not null)
            {
                await page.GotoAsync("/account/login");
                await Account.AccountSteps.SignInAsync(page, email, DemoAccounts.Password);
                await Assertions.Expect(Nav(page).GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
            }

            visitors.Pages.Add((role, page));
        }

        return visitors;
    }

    public List<(string Role, IPage Page)> Pages { get; } = [];

    public async ValueTask DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.CloseAsync();
        }
    }
}
