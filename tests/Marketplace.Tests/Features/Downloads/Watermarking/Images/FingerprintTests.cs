using Marketplace.Features.Downloads.Watermarking.Images;
using Marketplace.Infrastructure.Files;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Marketplace.Tests.Features.Downloads.Watermarking.Images;

/// <summary>The invisible fingerprint against what a leaker does to an image, alone and together.</summary>
public sealed class FingerprintTests
{
    private static readonly FingerprintPattern Pattern = new(System.Text.Encoding.UTF8.GetBytes(Engines.Key));

    public static TheoryData<int, string> Attacks => new()
    {
        { 21, "none" }, { 21, "jpeg85" }, { 21, "half" }, { 21, "crop10" }, { 21, "crop10+half+jpeg85" },
        { 22, "none" }, { 22, "jpeg85" }, { 22, "half" }, { 22, "crop10" }, { 22, "crop10+half+jpeg85" },
    };

    [Theory]
    [MemberData(nameof(Attacks))]
    public async Task The_entitlement_id_is_recovered_after(int seed, string attack)
    {
        using var original = PhotoLikeImages.Make(seed);
        var (_, copy) = await Engines.MarkAsync(PhotoLikeImages.Jpeg(original), FileKind.Jpeg);
        using var marked = Image.Load<Rgba32>(copy);
        using var leaked = Attack(marked, attack);

        FingerprintDetector.Detect(leaked, Pattern).ShouldBe(Engines.Mark.EntitlementId);
    }

    [Theory]
    [InlineData(21)]
    [InlineData(22)]
    public void An_unmarked_image_has_no_fingerprint(int seed)
    {
        using var original = PhotoLikeImages.Make(seed);
        using var reencoded = PhotoLikeImages.Reencoded(original);

        FingerprintDetector.Detect(reencoded, Pattern).ShouldBeNull();
    }

    [Fact]
    public async Task Another_key_finds_nothing_in_a_marked_image()
    {
        using var original = PhotoLikeImages.Make(23);
        var (_, copy) = await Engines.MarkAsync(PhotoLikeImages.Jpeg(original), FileKind.Jpeg);
        using var marked = Image.Load<Rgba32>(copy);

        FingerprintDetector.Detect(marked, new FingerprintPattern("another-key"u8)).ShouldBeNull();
    }

    private static Image<Rgba32> Attack(Image<Rgba32> image, string attack)
    {
        var current = image.Clone();
        foreach (var step in attack.Split('+'))
        {
            var next = step switch
            {
                "jpeg85" => PhotoLikeImages.Reencoded(current),
                "half" => PhotoLikeImages.Halved(current),
                "crop10" => PhotoLikeImages.Cropped(current),
                _ => current.Clone(),
            };
            current.Dispose();
            current = next;
        }

        return current;
    }
}
