using System.Net;
using System.Net.Http.Headers;
using System.Web;
using Marketplace.Benchmarks.Catalog;
using Marketplace.Features.Accounts;
using Marketplace.Features.Email;

namespace Marketplace.Benchmarks.Checkout;

/// <summary>
/// The benchmark's buyers, each with a client holding their bearer token. Accounts are made once through the app's own
/// flow (register, the confirmation link from the dev outbox, sign in) and signed in again on later runs of the same
/// database: <c>checkout-buyer-{n}@benchmark.localhost</c>.
/// </summary>
public static class CheckoutBuyers
{
    private const string Password = "checkout benchmark password";

    public static async Task<HttpClient[]> EnsureAsync(Uri baseAddress, int count, int parallel = 8)
    {
        using var gate = new SemaphoreSlim(parallel);
        return await Task.WhenAll(Enumerable.Range(1, count).Select(async n =>
        {
            await gate.WaitAsync();
            try
            {
                return await SignedInAsync(baseAddress, $"checkout-buyer-{n}@benchmark.localhost", $"Buyer {n}");
            }
            finally
            {
                gate.Release();
            }
        }));
    }

    public static HttpClient NewClient(Uri baseAddress) => new(new SocketsHttpHandler { UseProxy = false, UseCookies = false, AllowAutoRedirect = false })
    {
        BaseAddress = baseAddress,
        Timeout = TimeSpan.FromMinutes(2),
    };

    private static async Task<HttpClient> SignedInAsync(Uri baseAddress, string email, string displayName)
    {
        var client = NewClient(baseAddress);
        using (var login = await client.PostAsJsonAsync("api/auth/login", new { email, password = Password }))
        {
            if (login.StatusCode == HttpStatusCode.OK)
            {
                return await WithTokenAsync(client, login);
            }
        }

        using (var registered = await client.PostAsJsonAsync("api/auth/register", new Register.Request(email, Password, displayName)))
        {
            registered.EnsureSuccessStatusCode();
        }

        await ConfirmAsync(client, email);
        using var signedIn = await client.PostAsJsonAsync("api/auth/login", new { email, password = Password });
        await SellerApi.EnsureAsync(signedIn, HttpStatusCode.OK);
        return await WithTokenAsync(client, signedIn);
    }

    /// <summary>Follows the confirmation link the app mailed (the dev outbox keeps it): its user id and code, posted back.</summary>
    private static async Task ConfirmAsync(HttpClient client, string email)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var mails = await client.GetFromJsonAsync<GetDevOutbox.Mail[]>($"api/dev/outbox?to={Uri.EscapeDataString(email)}") ?? [];
            if (mails.SelectMany(m => m.Links).FirstOrDefault(l => l.Contains("/account/confirm-email", StringComparison.Ordinal)) is { } link)
            {
                var query = HttpUtility.ParseQueryString(new Uri(link).Query);
                using var confirmed = await client.PostAsJsonAsync("api/auth/confirm-email", new ConfirmEmail.Request(Guid.Parse(query["userId"]!), query["code"]!));
                await SellerApi.EnsureAsync(confirmed, HttpStatusCode.NoContent);
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No confirmation mail for {email} within a minute.");
            }

            await Task.Delay(200);
        }
    }

    private static async Task<HttpClient> WithTokenAsync(HttpClient client, HttpResponseMessage login)
    {
        var tokens = await login.Content.ReadFromJsonAsync<TokenPair>() ?? throw new InvalidOperationException("Empty sign-in answer.");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        return client;
    }
}
