using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Marketplace.ProductionTests;

/// <summary>The public API of one address of the topology (a node, or nginx), as a client would call it.</summary>
public sealed partial class SmokeClient(Uri baseAddress, string? accessToken = null) : IDisposable
{
    public const string Password = "smoke-password-123";

    private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromSeconds(5) })
    {
        BaseAddress = baseAddress,
        Timeout = TimeSpan.FromSeconds(30),
        DefaultRequestHeaders = { Authorization = accessToken is null ? null : new AuthenticationHeaderValue("Bearer", accessToken) },
    };

    public HttpClient Http => _http;

    public async Task<JsonElement> PostAsync(string path, object body, int expectedStatus)
    {
        using var response = await _http.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBe(expectedStatus, $"POST {path} answered: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public async Task<JsonElement> GetAsync(string path)
    {
        using var response = await _http.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBe(200, $"GET {path} answered: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public async Task<string> SignInAsync(string email, string password = Password) =>
        (await PostAsync("/api/auth/login", new { email, password }, 200)).GetProperty("accessToken").GetString()!;

    /// <summary>Signs up through this address and confirms with the mailed link: a member who can sign in.</summary>
    public async Task SignUpAsync(LocalTopology topology, string email, string displayName)
    {
        await PostAsync("/api/auth/register", new { email, password = Password, displayName }, 201);
        var (userId, code, _) = await ConfirmationLinkAsync(topology, email);
        await PostAsync("/api/auth/confirm-email", new { userId, code }, 204);
    }

    /// <summary>The confirmation link mailed to <paramref name="email"/>, as its user id and code.</summary>
    public static async Task<(string UserId, string Code, Uri Link)> ConfirmationLinkAsync(LocalTopology topology, string email)
    {
        var mail = await Eventually.ValueAsync(() => topology.Mail.Requests.FirstOrDefault(r => r.Body.Contains(email, StringComparison.Ordinal)
            && r.Body.Contains("confirm-email", StringComparison.Ordinal)));
        var text = JsonDocument.Parse(mail.Body).RootElement.GetProperty("text").GetString()!;
        var link = new Uri(ConfirmLink().Match(text).Value);
        var query = System.Web.HttpUtility.ParseQueryString(link.Query);
        return (query["userId"]!, query["code"]!, link);
    }

    public void Dispose() => _http.Dispose();

    [GeneratedRegex(@"https?://\S+/account/confirm-email\?\S+")]
    private static partial Regex ConfirmLink();
}

/// <summary>Waits for a state by polling, and fails with what it waited for.</summary>
public static class Eventually
{
    public static async Task<T> ValueAsync<T>(Func<T?> read, int seconds = 30) where T : class
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            if (read() is { } value)
            {
                return value;
            }

            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"Nothing arrived in {seconds} s.");
            }

            await Task.Delay(100);
        }
    }

    public static async Task TrueAsync(Func<Task<bool>> check, string what, int seconds = 30)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (!await check())
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"Still not true after {seconds} s: {what}.");
            }

            await Task.Delay(100);
        }
    }
}
