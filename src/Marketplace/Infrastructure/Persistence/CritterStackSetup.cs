using JasperFx;
using JasperFx.CodeGeneration;
using Marten;
using Wolverine;
using Wolverine.ErrorHandling;
using Wolverine.Marten;

namespace Marketplace.Infrastructure.Persistence;

/// <summary>Marten (documents and events) and Wolverine (durable messaging with the Marten outbox).</summary>
public static class CritterStackSetup
{
    public const string DocumentSchema = "marketplace";
    public const string MessageSchema = "wolverine";

    /// <summary>
    /// The production build (<c>dotnet publish</c>) loads the handler code <c>codegen write</c> wrote before it was
    /// compiled, and carries no compiler; every other build compiles that code at start-up (docs/operations.md).
    /// </summary>
    public const TypeLoadMode GeneratedCode =
#if PRODUCTION_BUILD
        TypeLoadMode.Static;
#else
        TypeLoadMode.Dynamic;
#endif

    public static void AddCritterStack(this WebApplicationBuilder builder)
    {
        builder.Services.AddMarten(options =>
            {
                options.DatabaseSchemaName = DocumentSchema;
                options.Events.DatabaseSchemaName = DocumentSchema;
            })
            .UseNpgsqlDataSource()
            .UseLightweightSessions()
            .ApplyAllDatabaseChangesOnStartup()
            .IntegrateWithWolverine(integration => integration.MessageStorageSchemaName = MessageSchema);

        builder.Services.CritterStackDefaults(defaults =>
        {
            defaults.Development.GeneratedCodeMode = GeneratedCode;
            defaults.Production.GeneratedCodeMode = GeneratedCode;
            defaults.Development.ResourceAutoCreate = AutoCreate.CreateOrUpdate;
            defaults.Production.ResourceAutoCreate = AutoCreate.CreateOrUpdate;
        });

        builder.Host.UseWolverine(options =>
        {
            // Handlers are found in this assembly, said outright: Wolverine otherwise takes the application assembly
            // of whichever host was built first in the process, and a test process builds several.
            options.ApplicationAssembly = typeof(CritterStackSetup).Assembly;
            // Each handler of a message runs in its own transaction with its own retries: the reactions to
            // AccountDeleted (tombstone, shop closure, forum names, notifications) are independent and idempotent,
            // so one failing must neither undo nor hold back the others (docs/architecture.md).
            options.MultipleHandlerBehavior = MultipleHandlerBehavior.Separated;
            options.Policies.AutoApplyTransactions();
            options.Policies.UseDurableLocalQueues();
            options.Policies.UseDurableInboxOnAllListeners();
            options.Policies.UseDurableOutboxOnAllSendingEndpoints();
            // A handler that lost an optimistic-concurrency race runs again on fresh data. Marten reports several stale
            // documents at once as an AggregateException, which OnException<ConcurrencyException>() would not match
            // (Wolverine matches the exception's own type): such a message was dead-lettered on its first try.
            options.OnException(exception => exception.IsConcurrencyConflict(), "an optimistic-concurrency race lost")
                .RetryWithCooldown(TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1));
            // A database that was briefly out of reach (pool exhausted under a burst, a restart, a failover) is tried
            // again for about an hour before a message is dead-lettered: a confirmation mail must not be lost to it.
            options.OnException(exception => exception.IsTransientDatabaseFailure(), "the database was briefly out of reach")
                .RetryWithCooldown(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3))
                .Then.ScheduleRetry(TimeSpan.FromSeconds(15), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(45))
                .Then.MoveToErrorQueue();
        });
    }
}
