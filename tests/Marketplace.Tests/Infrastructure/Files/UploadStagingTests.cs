using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Marketplace.Infrastructure.Files;

namespace Marketplace.Tests.Infrastructure.Files;

/// <summary>
/// The upload is taken off the wire into a temporary file through real Kestrel: hashed and counted on the way, stopped
/// at the size limit, and gone again whether it was kept, refused or dropped halfway.
/// </summary>
public sealed class UploadStagingTests : IAsyncLifetime
{
    private const long Limit = 4 * HostileFiles.MiB;
    private StagingServer _server = null!;

    public async Task InitializeAsync() => _server = await StagingServer.StartAsync(Limit);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_file_arrives_whole_with_its_sha256_length_and_name_and_its_temporary_file_is_deleted_afterwards()
    {
        var content = HostileFiles.Noise(3_000_000);

        using var response = await _server.PostAsync(MultipartUpload.File("guide.pdf", content));

        var received = await StagingServer.ReceivedAsync(response);
        received.Length.ShouldBe(content.Length);
        received.Sha256.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(content)));
        received.OriginalName.ShouldBe("guide.pdf");
        received.DeclaredContentType.ShouldBe("application/octet-stream");
        received.Exists.ShouldBeTrue();
        (await _server.NextOutcomeAsync()).ShouldBeOfType<StagingResult.Staged>();
        Directory.GetFiles(_server.Folder).ShouldBeEmpty();
    }

    [Fact]
    public async Task Form_fields_before_the_file_part_are_read_past()
    {
        var content = new MultipartUpload("form-data; name=\"file\"; filename=\"a.zip\"", new MemoryStream(HostileFiles.SmallZip()),
            fields: [("title", "A bundle"), ("notes", new string('n', 10_000))]);

        using var response = await _server.PostAsync(content);

        (await StagingServer.ReceivedAsync(response)).Length.ShouldBe(HostileFiles.SmallZip().Length);
    }

    [Theory]
    [InlineData("filename=\"../../etc/pass\u0007wd.pdf\"", "passwd.pdf")]
    [InlineData("filename=\"C:\\Users\\seller\\Desktop\\book.epub\"", "book.epub")]
    [InlineData("filename=\"fallback.pdf\"; filename*=UTF-8''r%C3%A9sum%C3%A9%E2%80%AE.pdf", "résumé.pdf")]
    [InlineData("filename=\"\"", "upload")]
    [InlineData("filename=\"..\"", "upload")]
    public async Task The_original_name_is_kept_for_display_without_path_parts_or_invisible_characters(string fileName, string shown)
    {
        var content = new MultipartUpload($"form-data; name=\"file\"; {fileName}", new MemoryStream("%PDF-"u8.ToArray()));

        using var response = await _server.PostAsync(content);

        (await StagingServer.ReceivedAsync(response)).OriginalName.ShouldBe(shown);
    }

    [Fact]
    public async Task A_file_one_byte_over_the_limit_is_a_413_and_leaves_nothing_behind()
    {
        using var response = await _server.PostAsync(MultipartUpload.File("big.zip", new GeneratedStream(Limit + 1)));

        await ShouldBeRefusedAsync(response, HttpStatusCode.RequestEntityTooLarge, "larger than 4 MB");
    }

    [Fact]
    public async Task An_endless_upload_is_stopped_at_the_limit_not_read_to_its_end()
    {
        var endless = new GeneratedStream(long.MaxValue);
        using var sending = new CancellationTokenSource();
        var upload = _server.Client.PostAsync("/upload", MultipartUpload.File("endless.bin", endless), sending.Token);

        var outcome = await _server.NextOutcomeAsync();

        outcome.ShouldBeOfType<StagingResult.Refused>().Status.ShouldBe(413);
        endless.Produced.ShouldBeLessThan(Limit + 64 * HostileFiles.MiB, "what the socket buffers hold, not the rest of an endless stream");
        Directory.GetFiles(_server.Folder).ShouldBeEmpty();
        await sending.CancelAsync();
        await Should.ThrowAsync<Exception>(async () => (await upload).EnsureSuccessStatusCode());
    }

    [Fact]
    public async Task A_declared_length_over_the_limit_is_a_413_before_any_of_it_is_read()
    {
        var file = new GeneratedStream(long.MaxValue);
        using var sending = new CancellationTokenSource();
        var upload = _server.Client.PostAsync("/upload", MultipartUpload.File("big.zip", file, declaredLength: 10 * Limit), sending.Token);

        var outcome = await _server.NextOutcomeAsync();

        outcome.ShouldBeOfType<StagingResult.Refused>().Status.ShouldBe(413);
        Directory.GetFiles(_server.Folder).ShouldBeEmpty();
        await sending.CancelAsync();
        await Should.ThrowAsync<Exception>(async () => (await upload).EnsureSuccessStatusCode());
    }

    [Fact]
    public async Task An_empty_file_is_a_400()
    {
        using var response = await _server.PostAsync(MultipartUpload.File("empty.pdf", []));

        await ShouldBeRefusedAsync(response, HttpStatusCode.BadRequest, "empty");
    }

    [Fact]
    public async Task A_form_without_a_file_part_is_a_400()
    {
        var form = new MultipartFormDataContent { { new StringContent("A bundle"), "title" } };

        using var response = await _server.PostAsync(form);

        await ShouldBeRefusedAsync(response, HttpStatusCode.BadRequest, "Choose a file");
    }

    [Fact]
    public async Task A_body_that_is_not_multipart_is_a_415()
    {
        using var response = await _server.PostAsync(JsonContent.Create(new { file = "JVBERi0=" }));

        await ShouldBeRefusedAsync(response, HttpStatusCode.UnsupportedMediaType, "multipart/form-data");
    }

    [Fact]
    public async Task An_upload_dropped_halfway_leaves_no_temporary_file()
    {
        var dropped = new GeneratedStream(Limit) { BreakAfter = HostileFiles.MiB };
        var upload = _server.PostAsync(MultipartUpload.File("half.zip", dropped));
        await Eventually.ValueAsync(() => Task.FromResult(Directory.GetFiles(_server.Folder).Length), count => count == 1);

        dropped.Break();

        await Should.ThrowAsync<HttpRequestException>(upload);
        (await _server.NextOutcomeAsync()).ShouldBeOfType<StagingResult.Refused>().Message.ShouldContain("interrupted");
        Directory.GetFiles(_server.Folder).ShouldBeEmpty();
    }

    private async Task ShouldBeRefusedAsync(HttpResponseMessage response, HttpStatusCode status, string message)
    {
        response.StatusCode.ShouldBe(status);
        (await response.Content.ReadAsStringAsync()).ShouldContain(message);
        (await _server.NextOutcomeAsync()).ShouldBeOfType<StagingResult.Refused>();
        Directory.GetFiles(_server.Folder).ShouldBeEmpty();
    }
}
