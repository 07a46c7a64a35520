using Marketplace.Features.Accounts;
using Marketplace.Features.StripeWebhooks;
using Microsoft.Extensions.DependencyInjection;
using Wolverine;
using Wolverine.Runtime.Handlers;

namespace Marketplace.Tests.Infrastructure.Persistence;

/// <summary>
/// Wolverine finds handlers by name; a class that only looks like one (a Stripe event handler taking Stripe.net's
/// <c>Event</c>) once broke <c>codegen write</c> and with it every production build.
/// </summary>
public sealed class HandlerDiscoveryTests(AppFixture fixture) : IntegrationTest(fixture)
{
    private HandlerGraph Handlers => Host.Services.GetRequiredService<HandlerGraph>();

    [Fact]
    public void Every_Wolverine_handler_handles_a_message_of_the_marketplace_itself()
    {
        var foreign = Handlers.AllChains()
            .Select(chain => chain.MessageType)
            .Where(type => type.Namespace?.StartsWith("Marketplace.", StringComparison.Ordinal) != true)
            .Select(type => type.FullName)
            .ToList();

        foreign.ShouldBeEmpty();
    }

    [Fact]
    public void Use_case_handlers_take_their_commands_never_an_http_request()
    {
        // a [WolverineHandler] use-case class also holds its HTTP delegate: named HandleAsync, it would become a handler too
        var requests = Handlers.AllChains()
            .Select(chain => chain.MessageType)
            .Where(type => type.IsNested && type.Name.EndsWith("Request", StringComparison.Ordinal))
            .Select(type => type.FullName)
            .ToList();

        requests.ShouldBeEmpty();
    }

    [Fact]
    public void Stripe_events_are_applied_by_ordinary_handlers_of_the_marketplace_own_messages()
    {
        var stripeChains = Handlers.AllChains().Where(chain => typeof(IStripeEventMessage).IsAssignableFrom(chain.MessageType)).ToList();

        stripeChains.Select(chain => chain.MessageType).ShouldBe(
            [typeof(ConnectedAccountEvent), typeof(ConnectedPayoutEvent), typeof(CheckoutPaymentEvent), typeof(ChargeDisputeEvent), typeof(ChargeRefundedEvent)], ignoreOrder: true);
        stripeChains.ShouldAllBe(chain => chain.Failures.Any());
    }

    [Fact]
    public void Each_reaction_to_a_deleted_account_is_a_handler_of_its_own()
    {
        Handlers.MultipleHandlerBehavior.ShouldBe(MultipleHandlerBehavior.Separated);
        var handlerTypes = Handlers.AllChains()
            .Where(chain => chain.MessageType == typeof(AccountDeleted))
            .SelectMany(chain => chain.ByEndpoint.Count > 0 ? chain.ByEndpoint.SelectMany(c => c.Handlers) : chain.Handlers)
            .Select(call => call.HandlerType.Name)
            .Distinct()
            .Order()
            .ToList();

        handlerTypes.ShouldBe(["AccountDeletedHandler", "AccountDeletedNotificationsHandler", "AccountDeletedShopHandler", "ForumAuthorNamesHandler"]);
    }
}
