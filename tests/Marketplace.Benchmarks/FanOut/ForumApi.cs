using System.Net;
using System.Net.Http.Headers;
using Marketplace.Features.Accounts;
using Marketplace.Features.Forum;

namespace Marketplace.Benchmarks.FanOut;

/// <summary>The app's forum API as the harness uses it: one signed-in demo member who starts threads and replies.</summary>
public sealed class ForumApi : IDisposable
{
    private readonly HttpClient _client;

    private ForumApi(HttpClient client) => _client = client;

    public static async Task<ForumApi> SignInAsync(Uri baseAddress, string email, string password)
    {
        var client = new HttpClient(new SocketsHttpHandler { UseProxy = false, UseCookies = false, AllowAutoRedirect = false })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
        using var login = await client.PostAsJsonAsync("api/auth/login", new { email, password });
        await EnsureAsync(login, HttpStatusCode.OK);
        var tokens = await login.Content.ReadFromJsonAsync<TokenPair>() ?? throw new InvalidOperationException("Empty sign-in answer.");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        return new ForumApi(client);
    }

    /// <summary>Starts a thread in the first category members may post in; returns it with its opening post as the hub sends it.</summary>
    public async Task<(Guid ThreadId, PostView Opening)> StartThreadAsync(string title, string body)
    {
        var categories = await _client.GetFromJsonAsync<Categories.View[]>("api/forum/categories") ?? [];
        var category = categories.First(c => !c.ReadOnly);
        using var started = await _client.PostAsJsonAsync($"api/forum/categories/{category.Id}/threads", new { title, body });
        await EnsureAsync(started, HttpStatusCode.Created);
        var thread = (await started.Content.ReadFromJsonAsync<Threads.Started>())!;
        var detail = await _client.GetFromJsonAsync<Threads.Detail>($"api/forum/threads/{thread.ThreadId}");
        return (thread.ThreadId, detail!.Posts.Single());
    }

    /// <summary>Posts a reply; returns once the 201 (sent after the commit) has been read, with the reply's sequence number.</summary>
    public async Task<long> ReplyAsync(Guid threadId, string body)
    {
        using var created = await _client.PostAsJsonAsync($"api/forum/threads/{threadId}/posts", new { body });
        await EnsureAsync(created, HttpStatusCode.Created);
        return (await created.Content.ReadFromJsonAsync<Posts.Created>())!.Seq;
    }

    public void Dispose() => _client.Dispose();

    private static async Task EnsureAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode != expected)
        {
            var body = await response.Content.ReadAsStringAsync();
            var request = response.RequestMessage;
            throw new HttpRequestException($"{request?.Method} {request?.RequestUri} answered {(int)response.StatusCode}: {body}");
        }
    }
}
