using Marketplace.Features.StripeWebhooks;
using Microsoft.Extensions.DependencyInjection;
using Wolverine.Configuration;
using Wolverine.Runtime;

namespace Marketplace.Tests.Features.StripeWebhooks;

/// <summary>The messages of stored events wait in one in-memory queue per node, applied a few at a time.</summary>
public sealed class StripeEventRoutingTests(AppFixture fixture) : IntegrationTest(fixture)
{
    public static TheoryData<IStripeEventMessage> Messages => new()
    {
        new ConnectedAccountEvent("evt_routing", "acct_routing"),
        new ConnectedPayoutEvent("evt_routing", "acct_routing"),
        new CheckoutPaymentEvent("evt_routing"),
    };

    [Theory]
    [MemberData(nameof(Messages))]
    public void Every_Stripe_event_message_goes_to_the_in_memory_stripe_events_queue_only(IStripeEventMessage message)
    {
        var runtime = Host.Services.GetRequiredService<IWolverineRuntime>();

        var envelopes = runtime.RoutingFor(message.GetType()).RouteForPublish(message, null);

        envelopes.Select(envelope => envelope.Destination!.ToString()).ShouldBe([$"local://{StripeWebhooksModule.Queue}/"]);
        var queue = runtime.Endpoints.EndpointFor(envelopes[0].Destination!)!;
        queue.Mode.ShouldBe(EndpointMode.BufferedInMemory);
        queue.MaxDegreeOfParallelism.ShouldBe(Environment.ProcessorCount);
    }
}
