using Marketplace.StripeSandbox.Balances;
using Marketplace.StripeSandbox.Connect;
using Marketplace.StripeSandbox.Events;
using Marketplace.StripeSandbox.Fees;
using Marketplace.StripeSandbox.Payments;
using Marketplace.StripeSandbox.Payouts;
using Marketplace.StripeSandbox.Transfers;
using Marketplace.StripeSandbox.Wire;
using Marten;

namespace Marketplace.StripeSandbox;

/// <summary>The sandbox's Marten documents, all in their own database schema, apart from the marketplace's.</summary>
public static class SandboxDocuments
{
    public const string DatabaseSchema = "stripe_sandbox";

    public static void Register(StoreOptions options)
    {
        options.Listeners.Add(new SandboxCreationStamp());
        options.Schema.For<SandboxAccount>().DatabaseSchemaName(DatabaseSchema).UseOptimisticConcurrency(true);
        options.Schema.For<SandboxAccountLink>().DatabaseSchemaName(DatabaseSchema).UseOptimisticConcurrency(true);
        options.Schema.For<SandboxLoginLink>().DatabaseSchemaName(DatabaseSchema);
        options.Schema.For<SandboxBalance>().DatabaseSchemaName(DatabaseSchema).UseOptimisticConcurrency(true);
        options.Schema.For<SandboxPayout>().DatabaseSchemaName(DatabaseSchema).Index(x => x.Account).Index(x => x.CreatedAt);
        options.Schema.For<SandboxEvent>().DatabaseSchemaName(DatabaseSchema).UseOptimisticConcurrency(true)
            .Index(x => x.Account).Index(x => x.CreatedAt);
        options.Schema.For<SandboxApiVersions>().DatabaseSchemaName(DatabaseSchema);
        options.Schema.For<IdempotentResponse>().DatabaseSchemaName(DatabaseSchema);
        options.Schema.For<SandboxBalanceTransaction>().DatabaseSchemaName(DatabaseSchema);
        options.Schema.For<SandboxCheckoutSession>().DatabaseSchemaName(DatabaseSchema).UseOptimisticConcurrency(true);
        options.Schema.For<SandboxPaymentIntent>().DatabaseSchemaName(DatabaseSchema).UseOptimisticConcurrency(true);
        options.Schema.For<SandboxCharge>().DatabaseSchemaName(DatabaseSchema).UseOptimisticConcurrency(true);
        options.Schema.For<SandboxRefund>().DatabaseSchemaName(DatabaseSchema).Index(x => x.Charge);
        options.Schema.For<SandboxDispute>().DatabaseSchemaName(DatabaseSchema).UseOptimisticConcurrency(true);
        options.Schema.For<SandboxTransfer>().DatabaseSchemaName(DatabaseSchema).UseOptimisticConcurrency(true);
        options.Schema.For<SandboxApplicationFee>().DatabaseSchemaName(DatabaseSchema).UseOptimisticConcurrency(true).Index(x => x.CreatedAt);
        options.Schema.For<SandboxClock>().DatabaseSchemaName(DatabaseSchema).UseOptimisticConcurrency(true);
    }
}
