using Marketplace.StripeSandbox.Wire;

namespace Marketplace.Tests.StripeSandbox;

/// <summary>The instants lists order objects by: strictly increasing within a second, whatever other seconds were stamped.</summary>
public sealed class CreationStampTests
{
    [Fact]
    public void Stamps_of_one_second_keep_increasing_after_a_later_second_was_stamped()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 7_200; // a second no other test stamps
        SandboxCreationStamp.Next(now + 172_800); // the sandbox's clock two days ahead, as after an advance

        var stamps = Enumerable.Range(0, 1000).Select(_ => SandboxCreationStamp.Next(now)).ToList();

        stamps.ShouldBe(stamps.Order().Distinct().ToList());
        stamps.ShouldAllBe(stamp => stamp.ToUnixTimeSeconds() == now);
    }
}
