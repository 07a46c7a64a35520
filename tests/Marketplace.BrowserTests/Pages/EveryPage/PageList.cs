using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Marketplace.BrowserTests.Pages.EveryPage;

/// <summary>A page of the app at an address a person can open: its route with the parameters filled.</summary>
public sealed record PageToVisit(string Page, string Url);

/// <summary>
/// Every page the app has, from its own route table (<c>GET /api/dev/pages</c>), with route parameters filled from the
/// demo data: a new page is visited without being named here, and one whose parameter nobody knows fails the test.
/// </summary>
public static partial class PageList
{
    private static readonly TimeSpan DemoDataTimeout = TimeSpan.FromSeconds(60);

    /// <param name="admin">A page signed in as an admin: it starts a thread whose title is one 147-letter word, the
    /// thread every visitor sees, so that long words are on the pages that are measured.</param>
    public static async Task<IReadOnlyList<PageToVisit>> ListAsync(IPage admin)
    {
        var api = admin.APIRequest;
        var values = await DemoValuesAsync(api);
        values["threadId"] = await Forum.ForumSteps.StartThreadAsync(
            admin, values["categoryId"], string.Concat(Enumerable.Repeat("Longword", 18)) + "End",
            "A link nobody shortened: https://example.com/" + new string('a', 300));
        values["postId"] = await FirstPostAsync(api, values["threadId"]);
        values["orderId"] = await PlaceOrderAsync(api);
        values["handle"] = await HandleAsync(api);
        using var routes = JsonDocument.Parse(await (await api.GetAsync("/api/dev/pages")).TextAsync());
        var pages = new List<PageToVisit>();
        var unfilled = new List<string>();
        foreach (var route in routes.RootElement.EnumerateArray())
        {
            var page = route.GetProperty("page").GetString()!;
            var template = route.GetProperty("route").GetString()!;
            var missing = new List<string>();
            var url = Parameter().Replace(template, match =>
            {
                var name = match.Groups["name"].Value;
                if (match.Groups["optional"].Success)
                {
                    return "";
                }

                if (values.TryGetValue(name, out var value))
                {
                    return Uri.EscapeDataString(value);
                }

                missing.Add(name);
                return match.Value;
            });
            if (missing.Count > 0)
            {
                unfilled.Add($"{page} ({template}: no demo value for {string.Join(", ", missing)})");
                continue;
            }

            pages.Add(new PageToVisit(page, url.Length > 1 ? url.TrimEnd('/') : url));
        }

        unfilled.ShouldBeEmpty("These pages have route parameters the test cannot fill: give PageList a demo value for them.");
        pages.Count.ShouldBeGreaterThan(20);
        return pages;
    }

    /// <summary>Route parameter names and a demo value for each; the demo data is seeded just after the app starts.</summary>
    private static async Task<Dictionary<string, string>> DemoValuesAsync(IAPIRequestContext api)
    {
        var deadline = DateTime.UtcNow + DemoDataTimeout;
        while (true)
        {
            var product = await FirstAsync(api, "/api/products?shop=sams-type-foundry", "items", "id");
            var category = await FirstCategoryWithThreadsAsync(api);
            if (product is not null && category is { } found)
            {
                return new Dictionary<string, string>
                {
                    ["slug"] = "sams-type-foundry",
                    ["productId"] = product,
                    ["id"] = product, // the seller's product editor; the demo seller owns the demo shop
                    ["category"] = found.Slug,
                    ["categoryId"] = found.Id,
                    ["threadId"] = found.ThreadId,
                };
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The demo data (a shop with a product, a forum thread) was not seeded in time.");
            }

            await Task.Delay(250);
        }
    }

    /// <summary>An order of the admin's (a paid-for demo product, checkout started): the order and refund pages get a real one.</summary>
    private static async Task<string> PlaceOrderAsync(IAPIRequestContext api)
    {
        var product = await FirstAsync(api, "/api/products?shop=sams-type-foundry&minPrice=100", "items", "id")
            ?? throw new InvalidOperationException("The demo shop has no product for sale.");
        var headers = new Dictionary<string, string> { ["X-Requested-With"] = "XMLHttpRequest" };
        var added = await api.PostAsync("/api/cart/items", new() { DataObject = new { productId = product, quantity = 1 }, Headers = headers });
        added.Ok.ShouldBeTrue(await added.TextAsync());
        var checkout = await api.PostAsync("/api/checkout", new() { Headers = headers });
        checkout.Ok.ShouldBeTrue(await checkout.TextAsync());
        using var answer = JsonDocument.Parse(await checkout.TextAsync());
        return answer.RootElement.GetProperty("orderId").GetString()!;
    }

    /// <summary>The admin's own handle, for the member page.</summary>
    private static async Task<string> HandleAsync(IAPIRequestContext api)
    {
        using var me = JsonDocument.Parse(await (await api.GetAsync("/api/me")).TextAsync());
        return me.RootElement.GetProperty("handle").GetString()!;
    }

    private static async Task<(string Id, string Slug, string ThreadId)?> FirstCategoryWithThreadsAsync(IAPIRequestContext api)
    {
        using var categories = JsonDocument.Parse(await (await api.GetAsync("/api/forum/categories")).TextAsync());
        foreach (var category in categories.RootElement.EnumerateArray())
        {
            if (await FirstAsync(api, $"/api/forum/categories/{category.GetProperty("id").GetString()}/threads", null, "id") is { } thread)
            {
                return (category.GetProperty("id").GetString()!, category.GetProperty("slug").GetString()!, thread);
            }
        }

        return null;
    }

    private static async Task<string?> FirstAsync(IAPIRequestContext api, string url, string? list, string property)
    {
        var response = await api.GetAsync(url);
        if (!response.Ok)
        {
            return null;
        }

        using var json = JsonDocument.Parse(await response.TextAsync());
        var items = list is null ? json.RootElement : json.RootElement.GetProperty(list);
        return items.GetArrayLength() == 0 ? null : items[0].GetProperty(property).GetString();
    }

    [GeneratedRegex(@"\{(?<name>\w+)(:[^}?]+)?(?<optional>\?)?\}")]
    private static partial Regex Parameter();

    /// <summary>The first post of a thread (the flag page's parameter).</summary>
    private static async Task<string> FirstPostAsync(IAPIRequestContext api, string threadId)
    {
        using var thread = JsonDocument.Parse(await (await api.GetAsync($"/api/forum/threads/{threadId}")).TextAsync());
        return thread.RootElement.GetProperty("posts")[0].GetProperty("postId").GetString()!;
    }
}
