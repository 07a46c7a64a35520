using System.Net;
using System.Net.Http.Headers;
using Marketplace.Infrastructure.Files;
using Marketplace.Tests.Infrastructure.Files;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests.Features.Catalog;

/// <summary>A member's uploads in progress are capped per node: one more is a 429 that records and stores nothing.</summary>
public sealed class ConcurrentUploadTests(AppFixture fixture) : CatalogTest(fixture)
{
    [Fact]
    public async Task A_third_upload_while_two_are_in_progress_is_a_429_and_the_two_still_land()
    {
        var seller = await SellerReadyToSellAsync();
        var product = await CreateProductAsync(seller);
        var slots = Host.Services.GetRequiredService<UploadSlots>();
        using var client = Host.Server.CreateClient();
        var release = new TaskCompletionSource();

        var held = Enumerable.Range(0, 2).Select(i => HeldUploadAsync(client, seller, product.Id, $"held-{i}.zip", release.Task)).ToList();
        await Eventually.ValueAsync(() => Task.FromResult(slots.InProgress(seller.Owner.Id)), count => count == 2);

        var refused = await AsUserAsync(seller.Owner.Token, s =>
        {
            s.Post.MultipartFormData(Form(HostileFiles.SmallZip(), "third.zip")).ToUrl($"/api/products/{product.Id}/files");
            s.StatusCodeShouldBe(429);
        });
        refused.Context.Response.Headers.RetryAfter.ToString().ShouldBe("10");
        Problem(refused).GetProperty("title").GetString()!.ShouldContain("uploads in progress");
        (await ManagedFilesAsync(seller, product.Id)).ShouldBeEmpty();

        release.SetResult();
        (await Task.WhenAll(held)).ShouldAllBe(status => status == HttpStatusCode.Created);
        slots.InProgress(seller.Owner.Id).ShouldBe(0);
        await UploadAsync(seller, product.Id, HostileFiles.SmallZip(), "after.zip");
        (await ManagedFilesAsync(seller, product.Id)).Order().ShouldBe(["after.zip", "held-0.zip", "held-1.zip"]);
    }

    private static async Task<HttpStatusCode> HeldUploadAsync(HttpClient client, Seller seller, Guid productId, string name, Task release)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/products/{productId}/files")
        {
            Content = new MultipartFormDataContent { { new StreamContent(new HeldStream(HostileFiles.SmallZip(), release)), "file", name } },
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", seller.Owner.Token);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    private async Task<IEnumerable<string>> ManagedFilesAsync(Seller seller, Guid productId)
    {
        var managed = await AsUserAsync(seller.Owner.Token, s => s.Get.Url($"/api/products/{productId}/manage"));
        return Problem(managed).GetProperty("files").EnumerateArray().Select(f => f.GetProperty("name").GetString()!);
    }

    /// <summary>Content that holds back its bytes until released, so that its upload stays in progress.</summary>
    private sealed class HeldStream(byte[] bytes, Task release) : MemoryStream(bytes)
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await release.WaitAsync(cancellationToken);
            return await base.ReadAsync(buffer, cancellationToken);
        }

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            await release.WaitAsync(cancellationToken);
            return await base.ReadAsync(buffer, offset, count, cancellationToken);
        }
    }
}
