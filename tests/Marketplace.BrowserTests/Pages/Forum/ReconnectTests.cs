using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Marketplace.BrowserTests.Pages.Forum;

[Collection(BrowserCollection.Name)]
public sealed partial class ReconnectTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_reader_whose_connection_drops_gets_the_replies_it_missed_in_order_and_once_each_after_reconnecting()
    {
        var admin = await fixture.NewPageAsync();
        await ForumSteps.SignInAsAdminAsync(admin);
        var slug = ForumSteps.NewSlug("drop");
        var categoryId = await ForumSteps.CreateCategoryAsync(admin, $"Patchy signal {slug}", slug, "Phones on trains.");
        var threadId = await ForumSteps.StartThreadAsync(admin, categoryId, "Reading on the train", "First post.");

        // The reader's hub connection goes through a proxy that can lose messages and then drop, like a phone in a tunnel.
        var reader = await fixture.NewPageAsync();
        var proxy = new LossyProxy();
        await reader.RouteWebSocketAsync(HubUrl(), proxy.Attach);
        await reader.GotoAsync($"/forum/threads/{threadId}");
        await Assertions.Expect(reader.Locator("#live-state")).ToHaveTextAsync("Live");

        proxy.Losing = true;
        foreach (var n in new[] { 2, 3, 4 })
        {
            await ForumSteps.ReplyAsync(admin, threadId, $"Reply number {n} while the reader is in the tunnel.");
        }

        await proxy.WaitUntilLostAsync(count: 3);
        await Assertions.Expect(reader.Locator(".post")).ToHaveCountAsync(1);
        await proxy.DropAsync();

        await Assertions.Expect(reader.Locator(".post")).ToHaveCountAsync(4);
        await Assertions.Expect(reader.Locator("#live-state")).ToHaveTextAsync("Live");
        (await reader.Locator(".post").EvaluateAllAsync<int[]>("posts => posts.map(p => Number(p.dataset.seq))")).ShouldBe([1, 2, 3, 4]);
        await Assertions.Expect(reader.Locator(".post").Nth(3)).ToContainTextAsync("Reply number 4");
        proxy.Connections.ShouldBeGreaterThanOrEqualTo(2);

        // Live again: the next reply arrives once, and an edit replaces its text in place.
        var postId = await ForumSteps.ReplyAsync(admin, threadId, "Out of the tunnel.");
        await Assertions.Expect(reader.Locator(".post")).ToHaveCountAsync(5);
        await Assertions.Expect(reader.Locator(".post").Last).ToContainTextAsync("Out of the tunnel.");
        await ForumSteps.EditAsync(admin, postId, "Out of the tunnel, **at last**.");
        await Assertions.Expect(reader.Locator(".post").Last.Locator(".post-body strong")).ToHaveTextAsync("at last");
        await Assertions.Expect(reader.Locator(".post").Last.GetByText("(edited)")).ToBeVisibleAsync();
        await Assertions.Expect(reader.Locator(".post")).ToHaveCountAsync(5);
        await BrowserFixture.ScreenshotAsync(reader, "forum-thread-reconnected");
    }

    [GeneratedRegex("/hubs/forum")]
    private static partial Regex HubUrl();

    /// <summary>Forwards the hub's WebSocket both ways; while losing, drops the server's PostCreated messages.</summary>
    private sealed class LossyProxy
    {
        private readonly TaskCompletionSource _lostEnough = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private IWebSocketRoute? _page;
        private IWebSocketRoute? _server;
        private int _lost;
        private int _lostTarget = int.MaxValue;
        private volatile bool _losing;

        public bool Losing
        {
            get => _losing;
            set => _losing = value;
        }

        public int Connections { get; private set; }

        public void Attach(IWebSocketRoute page)
        {
            var server = page.ConnectToServer();
            _page = page;
            _server = server;
            Connections++;
            page.OnMessage(frame => Forward(frame, server));
            server.OnMessage(frame =>
            {
                if (Losing && frame.Text is { } text && text.Contains("\"PostCreated\"", StringComparison.Ordinal))
                {
                    if (Interlocked.Increment(ref _lost) >= _lostTarget)
                    {
                        _lostEnough.TrySetResult();
                    }

                    return;
                }

                Forward(frame, page);
            });
        }

        public async Task WaitUntilLostAsync(int count)
        {
            _lostTarget = count;
            if (Volatile.Read(ref _lost) >= count)
            {
                return;
            }

            await _lostEnough.Task.WaitAsync(TimeSpan.FromSeconds(15));
        }

        private static void Forward(IWebSocketFrame frame, IWebSocketRoute to)
        {
            if (frame.Text is { } text)
            {
                to.Send(text);
            }
            else if (frame.Binary is { } binary)
            {
                to.Send(binary);
            }
        }

        /// <summary>Stops losing and cuts the connection; the page reconnects through a fresh proxy.</summary>
        public async Task DropAsync()
        {
            Losing = false;
            await _server!.CloseAsync();
            await _page!.CloseAsync();
        }
    }
}
