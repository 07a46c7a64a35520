using JasperFx;
using Marketplace.Features.Orders;
using Microsoft.Extensions.DependencyInjection;
using Wolverine.Runtime.Handlers;

namespace Marketplace.Tests.Infrastructure.Persistence;

/// <summary>
/// A handler that lost an optimistic-concurrency race runs again, also when Marten reports several stale documents at
/// once, as one <see cref="AggregateException"/>: Wolverine matches an <c>OnException&lt;T&gt;()</c> rule by the exception's
/// own type, so such a message used to go to the dead-letter store on its first try (the Stripe sandbox's promised
/// dispute was lost so, racing the transfers on the charge and the platform's balance at once).
/// </summary>
public sealed class ConcurrencyRetryTests(AppFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public void A_race_lost_on_several_documents_at_once_is_retried_as_one_lost_on_a_single_document()
    {
        var rules = Host.Services.GetRequiredService<HandlerGraph>().Failures.ToList();
        var one = new ConcurrencyException("stale", typeof(Order), Guid.NewGuid());
        var several = new AggregateException(one, new ConcurrencyException("stale", typeof(Entitlement), Guid.NewGuid()));
        var notOnlyRaces = new AggregateException(one, new InvalidOperationException("a real failure"));

        var forOne = rules.First(rule => rule.Match.Matches(one));
        rules.First(rule => rule.Match.Matches(several)).ShouldBeSameAs(forOne);
        forOne.Count().ShouldBe(3, "tries after the first");
        rules.ShouldNotContain(rule => rule.Match.Matches(notOnlyRaces) && ReferenceEquals(rule, forOne));
    }
}
