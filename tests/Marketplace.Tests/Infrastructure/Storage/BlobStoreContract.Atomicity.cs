namespace Marketplace.Tests.Infrastructure.Storage;

/// <summary>The contract's atomicity cases: a put that fails, is cancelled or is still running shows nothing of itself.</summary>
public abstract partial class BlobStoreContract
{
    [Theory]
    [InlineData(100)] // in the first part: S3 has not been called yet
    [InlineData(2 * PartSize + 100)] // two parts are uploaded
    public async Task An_upload_that_fails_midway_leaves_no_blob(long failAt)
    {
        var upload = new GeneratedStream(3L * PartSize).At(failAt, () => throw new IOException("The client went away."));

        (await Should.ThrowAsync<IOException>(() => Store.PutAsync("failed/blob", upload, "application/zip", None)))
            .Message.ShouldBe("The client went away.");

        (await Store.StatAsync("failed/blob", None)).ShouldBeNull();
        (await EverythingStoredAsync()).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(100)]
    [InlineData(2 * PartSize + 100)]
    public async Task A_cancelled_upload_leaves_no_blob(long cancelAt)
    {
        using var cancellation = new CancellationTokenSource();
        var upload = new GeneratedStream(3L * PartSize).At(cancelAt, () =>
        {
            cancellation.Cancel();
            return ValueTask.CompletedTask;
        });

        await Should.ThrowAsync<OperationCanceledException>(() => Store.PutAsync("cancelled/blob", upload, "application/zip", cancellation.Token));

        (await Store.StatAsync("cancelled/blob", None)).ShouldBeNull();
        (await EverythingStoredAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_failed_overwrite_keeps_the_previous_blob()
    {
        await Store.PutAsync("kept/blob", Upload("the original"), "text/plain", None);
        var upload = new GeneratedStream(2L * PartSize).At(PartSize + 10, () => throw new IOException("The client went away."));

        await Should.ThrowAsync<IOException>(() => Store.PutAsync("kept/blob", upload, "application/zip", None));

        (await ReadAsync("kept/blob")).ShouldBe("the original"u8.ToArray());
        (await Store.StatAsync("kept/blob", None)).ShouldNotBeNull().ContentType.ShouldBe("text/plain");
    }

    [Fact]
    public async Task A_reader_sees_nothing_of_a_blob_still_being_written()
    {
        await Store.PutAsync("busy/old", Upload("the original"), "text/plain", None);
        var resume = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var (newUpload, newHalfway) = PausedUpload(resume.Task);
        var (overwrite, overwriteHalfway) = PausedUpload(resume.Task);

        var writingNew = Store.PutAsync("busy/new", newUpload, "application/zip", None);
        var writingOver = Store.PutAsync("busy/old", overwrite, "application/zip", None);
        await Task.WhenAll(newHalfway, overwriteHalfway);

        (await Store.StatAsync("busy/new", None)).ShouldBeNull();
        (await Store.OpenReadAsync("busy/new", None)).ShouldBeNull();
        (await ReadAsync("busy/old")).ShouldBe("the original"u8.ToArray());
        resume.SetResult();
        await Task.WhenAll(writingNew, writingOver);
        (await Store.StatAsync("busy/new", None)).ShouldNotBeNull().Size.ShouldBe(2L * PartSize);
        (await Store.StatAsync("busy/old", None)).ShouldNotBeNull().Size.ShouldBe(2L * PartSize);
    }

    /// <summary>Two parts' worth of upload that stops after its first part and a little until <paramref name="resume"/>.</summary>
    private static (Stream Upload, Task Halfway) PausedUpload(Task resume)
    {
        var halfway = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var upload = new GeneratedStream(2L * PartSize).At(PartSize + 10, async () =>
        {
            halfway.SetResult();
            await resume;
        });
        return (upload, halfway.Task);
    }

    [Fact]
    public async Task A_usable_store_reports_no_problem_and_leaves_nothing_behind()
    {
        (await Store.ProblemAsync(None)).ShouldBeNull();

        (await EverythingStoredAsync()).ShouldBeEmpty();
    }
}
