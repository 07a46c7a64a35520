using Marketplace.Features.Accounts;
using Marketplace.Infrastructure.Modules;
using Marketplace.Infrastructure.Web;
using Marten;
using Wolverine;

namespace Marketplace.Features.StripeWebhooks;

/// <summary>
/// Stripe's webhooks: verified, stored once, sent as a typed message to the feature that applies them (ordinary
/// Wolverine handlers, retried and dead-lettered by <see cref="StripeEventFailurePolicy"/>), swept when stuck.
/// </summary>
public sealed class StripeWebhooksModule : IFeatureModule
{
    private static readonly string WaitingPredicate =
        $"((data ->> 'Status'::text))::integer = ANY (ARRAY[{(int)StripeEventStatus.Received}, {(int)StripeEventStatus.Retrying}])";

    /// <summary>Events that failed every attempt, as the admin dashboard counts them (written as PostgreSQL prints it).</summary>
    public static readonly string FailedPredicate = $"((data ->> 'Status'::text))::integer = {(int)StripeEventStatus.Failed}";

    /// <summary>The local queue the messages of stored events wait in.</summary>
    public const string Queue = "stripe-events";

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StripeWebhookOptions>().BindConfiguration(StripeWebhookOptions.Section);
        var settings = configuration.GetSection(StripeWebhookOptions.Section).Get<StripeWebhookOptions>() ?? new();
        services.ConfigureWolverine(options =>
        {
            options.Policies.Add(new StripeEventFailurePolicy(settings.Delays));
            // In memory, not durable: the stored record is what survives a crash (the sweeper sends its message
            // again), and acknowledging a delivery takes one insert instead of a transaction with an envelope.
            options.Publish(rule =>
            {
                rule.MessagesImplementing<IStripeEventMessage>();
                rule.ToLocalQueue(Queue);
            });
            options.LocalQueue(Queue).BufferedInMemory().MaximumParallelMessages(Math.Max(1, settings.MaximumParallelEvents));
        });
        services.AddSingleton<StripeEventInbox>();
        services.AddSingleton<IntakeActivity>();
        services.AddSingleton<StripeEventQueue>();
        services.AddHostedService<StripeEventDispatcher>();
        services.AddSingleton<StripeEventSweeper>();
        services.AddHostedService(provider => provider.GetRequiredService<StripeEventSweeper>());
        services.ConfigureMarten(options => options.Schema.For<StripeEventRecord>().Identity(x => x.Id)
            // A column of its own, written straight from the insert's parameter: an index on an expression over the
            // JSON costs every delivery a function call and a text-to-timestamp parse in PostgreSQL.
            .Duplicate(x => x.ReceivedAt)
            // Only the events still waiting are ever looked up by status (the sweeper): the index leaves out the many
            // processed and ignored ones, so storing an ignored event, or marking one processed, does not touch it.
            .Index(x => x.Status, index => index.Predicate = WaitingPredicate)
            // The admin dashboard counts the failed ones: a second partial index, as small as the failures are few.
            .Index(x => x.Status, index => { index.Name = "mt_doc_stripeeventrecord_idx_failed"; index.Predicate = FailedPredicate; })
            .UseOptimisticConcurrency(true));
    }

    public void MapEndpoints(IEndpointRouteBuilder app)
    {
        ReceiveStripeWebhook.Map(app);
        WebhookEventsAdmin.Map(app.MapApi("/admin", "Admin").RequireAuthorization(Policies.Admin));
    }
}
