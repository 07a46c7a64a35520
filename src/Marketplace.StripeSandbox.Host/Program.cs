using JasperFx;
using JasperFx.CodeGeneration;
using Marketplace.StripeSandbox;
using Marketplace.StripeSandbox.Wire;
using Marten;
using Wolverine;
using Wolverine.ErrorHandling;
using Wolverine.Marten;

// The Stripe sandbox on its own: Stripe:Sandbox:* settings (docs/stripe-sandbox.md), a PostgreSQL database of its
// own, and the same durable Wolverine setup as the app (src/Marketplace/Infrastructure/Persistence/CritterStackSetup.cs).
var builder = WebApplication.CreateBuilder(args);
var connectionString = builder.Configuration.GetConnectionString("StripeSandbox") is { Length: > 0 } configured
    ? configured
    : throw new InvalidOperationException("Set ConnectionStrings:StripeSandbox (ConnectionStrings__StripeSandbox) to a PostgreSQL database.");

builder.Services.AddMarten(options =>
    {
        options.Connection(connectionString);
        options.DatabaseSchemaName = SandboxDocuments.DatabaseSchema;
    })
    .UseLightweightSessions()
    .ApplyAllDatabaseChangesOnStartup()
    .IntegrateWithWolverine(integration => integration.MessageStorageSchemaName = "stripe_sandbox_messages");
builder.Services.CritterStackDefaults(defaults =>
{
    // A test tool: its handler code is compiled at start in every environment.
    defaults.Development.GeneratedCodeMode = TypeLoadMode.Dynamic;
    defaults.Production.GeneratedCodeMode = TypeLoadMode.Dynamic;
    defaults.Development.ResourceAutoCreate = AutoCreate.CreateOrUpdate;
    defaults.Production.ResourceAutoCreate = AutoCreate.CreateOrUpdate;
});
builder.Host.UseWolverine(options =>
{
    options.Policies.AutoApplyTransactions();
    options.Policies.UseDurableLocalQueues();
    options.Policies.UseDurableInboxOnAllListeners();
    options.Policies.UseDurableOutboxOnAllSendingEndpoints();
    // Several stale documents at once are one AggregateException, which OnException<ConcurrencyException>() would not match.
    options.OnException(exception => exception.IsConcurrencyConflict(), "an optimistic-concurrency race lost")
        .RetryWithCooldown(TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1));
    options.IncludeStripeSandbox();
});
builder.Services.AddProblemDetails();
builder.Services.AddStripeSandbox(builder.Configuration);

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapGet("/health", () => TypedResults.Ok());
app.MapStripeSandbox();
app.Run();
