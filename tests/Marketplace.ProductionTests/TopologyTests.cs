using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace Marketplace.ProductionTests;

/// <summary>The two published nodes behind nginx share one database, one Redis and one key ring.</summary>
[Collection(LocalTopologyCollection.Name)]
public sealed class TopologyTests(LocalTopology topology)
{
    private static int s_people;

    [Fact]
    public async Task Both_nodes_and_nginx_answer_ready()
    {
        foreach (var address in new[] { topology.Node1, topology.Node2, topology.Nginx })
        {
            using var client = new SmokeClient(address);
            using var response = await client.Http.GetAsync("/health/ready");
            ((int)response.StatusCode).ShouldBe(200, $"{address} is not ready");
        }
    }

    [Fact]
    public async Task A_member_signs_up_and_confirms_on_one_node_and_signs_in_on_the_other()
    {
        var email = NewEmail("member");
        using var node1 = new SmokeClient(topology.Node1);
        await node1.PostAsync("/api/auth/register", new { email, password = SmokeClient.Password, displayName = "Smoke Member" }, 201);

        var (userId, code, link) = await SmokeClient.ConfirmationLinkAsync(topology, email);
        link.GetLeftPart(UriPartial.Authority).ShouldBe(topology.Nginx.GetLeftPart(UriPartial.Authority), "mailed links follow Site:PublicUrl");
        await node1.PostAsync("/api/auth/confirm-email", new { userId, code }, 204);

        using var node2 = new SmokeClient(topology.Node2);
        var token = await node2.SignInAsync(email);
        using var signedIn = new SmokeClient(topology.Node2, token);
        (await signedIn.GetAsync("/api/me")).GetProperty("email").GetString().ShouldBe(email);
        using var throughNginx = new SmokeClient(topology.Nginx, token);
        (await throughNginx.GetAsync("/api/me")).GetProperty("displayName").GetString().ShouldBe("Smoke Member");
    }

    [Fact]
    public async Task A_reply_posted_through_node_1_reaches_a_reader_on_node_2_exactly_once()
    {
        using var admin = new SmokeClient(topology.Node1, await new SmokeClient(topology.Node1).SignInAsync(LocalTopology.AdminEmail, LocalTopology.AdminPassword));
        var slug = $"smoke-{Guid.NewGuid():N}"[..20];
        var category = await admin.PostAsync("/api/forum/categories", new { name = "Smoke " + slug, slug, description = "Smoke tests", position = 1, readOnly = false }, 201);
        var thread = await admin.PostAsync($"/api/forum/categories/{category.GetProperty("id").GetGuid()}/threads",
            new { title = "Across the nodes", body = "Does a reply on one node reach the other?" }, 201);
        var threadId = thread.GetProperty("threadId").GetGuid();

        var received = new ConcurrentQueue<JsonElement>();
        await using var reader = new HubConnectionBuilder().WithUrl(new Uri(topology.Node2, "/hubs/forum")).Build();
        reader.On<JsonElement>("PostCreated", post => received.Enqueue(post));
        await reader.StartAsync();
        await reader.InvokeAsync("JoinThread", threadId, 1L);

        var reply = await admin.PostAsync($"/api/forum/threads/{threadId}/posts", new { body = "Posted on node 1" }, 201);
        // A second reply fences the first: once it has arrived, a duplicate of the first would have arrived before it.
        var fence = await admin.PostAsync($"/api/forum/threads/{threadId}/posts", new { body = "The fence" }, 201);
        await Eventually.TrueAsync(() => Task.FromResult(received.Any(p => p.GetProperty("seq").GetInt64() == fence.GetProperty("seq").GetInt64())),
            "the replies reach the reader on node 2");

        received.Count(p => p.GetProperty("seq").GetInt64() == reply.GetProperty("seq").GetInt64()).ShouldBe(1);
        received.Single(p => p.GetProperty("seq").GetInt64() == reply.GetProperty("seq").GetInt64()).GetProperty("body").GetString().ShouldBe("Posted on node 1");
    }

    [Fact]
    public async Task When_one_node_stops_the_other_keeps_serving_through_nginx()
    {
        var email = NewEmail("steady");
        using var nginx = new SmokeClient(topology.Nginx);
        await topology.StopNodeAsync(1);
        try
        {
            for (var i = 0; i < 20; i++)
            {
                using var response = await nginx.Http.GetAsync("/health/ready");
                ((int)response.StatusCode).ShouldBe(200, $"request {i} through nginx with node 1 stopped");
            }

            await nginx.SignUpAsync(topology, email, "Steady");
            (await nginx.SignInAsync(email)).ShouldNotBeNullOrEmpty();
        }
        finally
        {
            await topology.StartNodeAsync(1);
        }
    }

    internal static string NewEmail(string who) => $"{who}-{Interlocked.Increment(ref s_people)}-{Guid.NewGuid():N}@smoke.test";
}
