using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Marketplace.Features.Accounts;
using Marketplace.Features.Catalog;
using Marketplace.Features.Shops;

namespace Marketplace.Benchmarks.Catalog;

/// <summary>The app's API as a signed-in member uses it (one bearer token): their shop, opened if need be, and new products.</summary>
public sealed class SellerApi : IDisposable
{
    private SellerApi(HttpClient client) => Client = client;

    /// <summary>Authenticated with the member's bearer token (no cookies, so no <c>X-Requested-With</c> is needed).</summary>
    public HttpClient Client { get; }

    public static async Task<SellerApi> SignInAsync(Uri baseAddress, string email, string password = DemoAccounts.Password)
    {
        var client = new HttpClient(new SocketsHttpHandler { UseProxy = false, UseCookies = false, AllowAutoRedirect = false })
        {
            BaseAddress = baseAddress,
            Timeout = Timeout.InfiniteTimeSpan,
        };
        using var login = await client.PostAsJsonAsync("api/auth/login", new { email, password });
        await EnsureAsync(login, HttpStatusCode.OK);
        var tokens = await login.Content.ReadFromJsonAsync<TokenPair>() ?? throw new InvalidOperationException("Empty sign-in answer.");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        return new SellerApi(client);
    }

    /// <summary>The member's shop; opened with these details if they have none (waiting up to a minute for one the demo seed is opening).</summary>
    public async Task<ShopView> EnsureShopAsync(string name, string slug, string description, bool openedBySeed = false)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            using var mine = await Client.GetAsync("api/shops/mine");
            if (mine.StatusCode == HttpStatusCode.OK)
            {
                return (await mine.Content.ReadFromJsonAsync<ShopView>())!;
            }

            await EnsureAsync(mine, HttpStatusCode.NotFound);
            if (!openedBySeed)
            {
                using var opened = await Client.PostAsJsonAsync("api/shops", new OpenShop.Request(name, slug, description));
                await EnsureAsync(opened, HttpStatusCode.Created);
                return (await opened.Content.ReadFromJsonAsync<ShopView>())!;
            }

            if (waited.Elapsed > TimeSpan.FromMinutes(1))
            {
                throw new TimeoutException($"No shop {slug} a minute after the start; is Seed:DemoData off?");
            }

            await Task.Delay(250);
        }
    }

    /// <summary>Creates a draft product in the shop; answers it as the seller sees it.</summary>
    public async Task<ProductView> CreateProductAsync(Guid shopId, string title, string description, long amount)
    {
        using var created = await Client.PostAsJsonAsync($"api/shops/{shopId}/products",
            new { title, description, price = new { amount, currency = "usd" } });
        await EnsureAsync(created, HttpStatusCode.Created);
        return (await created.Content.ReadFromJsonAsync<ProductView>())!;
    }

    public void Dispose() => Client.Dispose();

    public static async Task EnsureAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode != expected)
        {
            var body = await response.Content.ReadAsStringAsync();
            var request = response.RequestMessage;
            throw new HttpRequestException($"{request?.Method} {request?.RequestUri} answered {(int)response.StatusCode}: {body}");
        }
    }
}
