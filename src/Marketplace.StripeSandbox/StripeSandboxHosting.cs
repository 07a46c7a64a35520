using FluentValidation;
using Marketplace.StripeSandbox.Balances;
using Marketplace.StripeSandbox.Connect;
using Marketplace.StripeSandbox.Control;
using Marketplace.StripeSandbox.Events;
using Marketplace.StripeSandbox.Fees;
using Marketplace.StripeSandbox.Pages;
using Marketplace.StripeSandbox.Payments;
using Marketplace.StripeSandbox.Payouts;
using Marketplace.StripeSandbox.Transfers;
using Marketplace.StripeSandbox.Wire;
using Marten;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Wolverine;

namespace Marketplace.StripeSandbox;

/// <summary>
/// The Stripe sandbox under <c>/stripe-sandbox</c>: the Stripe API calls the marketplace makes, the hosted onboarding,
/// Express dashboard and checkout pages, signed webhook deliveries with test faults, and a control API for tests.
/// A host adds it with <see cref="AddStripeSandbox"/>, <see cref="IncludeStripeSandbox"/> and <see cref="MapStripeSandbox"/>,
/// on Marten and Wolverine with the Marten outbox.
/// </summary>
public static class StripeSandboxHosting
{
    public const string PathPrefix = "/stripe-sandbox";

    /// <summary>The named HttpClient webhook events are delivered with.</summary>
    public const string WebhookHttpClientName = "stripe-sandbox-webhooks";

    /// <summary>Options from <c>Stripe:Sandbox</c>, the sandbox's services, its webhook HttpClient and its Marten documents.</summary>
    public static IServiceCollection AddStripeSandbox(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StripeSandboxOptions>()
            .Configure(options => options.Read(configuration.GetSection(StripeSandboxOptions.Section)))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<StripeSandboxOptions>, StripeSandboxOptions.Validation>();
        services.AddSingleton<SandboxSettings>();
        services.AddSingleton<SandboxFaults>();
        services.AddSingleton<WebhookSender>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(WebhookHttpClientName, client => client.Timeout = TimeSpan.FromSeconds(20));
        services.AddValidatorsFromAssemblyContaining<SandboxSettings>(includeInternalTypes: true);
        services.ConfigureMarten(SandboxDocuments.Register);
        return services;
    }

    /// <summary>Lets Wolverine find the sandbox's message handlers (event deliveries, payouts settling, disputes closing on their test evidence).</summary>
    public static WolverineOptions IncludeStripeSandbox(this WolverineOptions options)
    {
        options.Discovery.IncludeAssembly(typeof(StripeSandboxHosting).Assembly);
        return options;
    }

    /// <summary>
    /// Where the control API is served: it takes anyone's word (pays sessions, opens disputes, moves the clock), so only in
    /// <c>Development</c> and <c>Testing</c>; in any other environment its routes do not exist.
    /// </summary>
    public static bool ServesControlApi(IHostEnvironment environment) => environment.IsDevelopment() || environment.IsEnvironment("Testing");

    /// <summary>
    /// Maps the Stripe API (<c>/v1</c>), the hosted pages and, where <see cref="ServesControlApi"/>, the control API
    /// (<c>/control</c>) under <see cref="PathPrefix"/>.
    /// </summary>
    public static void MapStripeSandbox(this IEndpointRouteBuilder app)
    {
        var sandbox = app.MapGroup(PathPrefix).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();

        var api = sandbox.MapGroup("/v1");
        CreateAccount.Map(api);
        GetAccount.Map(api);
        UpdateAccount.Map(api);
        AccountCapabilities.Map(api);
        DeleteAccount.Map(api);
        CreateAccountLink.Map(api);
        CreateLoginLink.Map(api);
        GetBalance.Map(api);
        CreatePayout.Map(api);
        GetPayout.Map(api);
        ListPayouts.Map(api);
        ListBalanceTransactions.Map(api);
        GetEvent.Map(api);
        ListEvents.Map(api);
        GetBalanceTransaction.Map(api);
        CreateCheckoutSession.Map(api);
        GetCheckoutSession.Map(api);
        ListCheckoutSessions.Map(api);
        ExpireCheckoutSession.Map(api);
        GetPaymentObjects.Map(api);
        ListPaymentObjects.Map(api);
        PaymentIntentCapture.Map(api);
        DisputeEndpoints.Map(api);
        CreateRefund.Map(api);
        ApplicationFeeEndpoints.Map(api);
        CreateTransfer.Map(api);
        GetTransfer.Map(api);
        ListTransfers.Map(api);
        ReverseTransfer.Map(api);
        api.MapUnrecognized();

        SandboxStylesheet.Map(sandbox);
        OnboardingPage.Map(sandbox);
        ExpressDashboardPage.Map(sandbox);
        CheckoutPage.Map(sandbox);

        if (!ServesControlApi(app.ServiceProvider.GetRequiredService<IHostEnvironment>()))
        {
            return;
        }

        var control = sandbox.MapGroup("/control");
        ControlFaults.Map(control);
        ControlApiVersions.Map(control);
        ControlOnboarding.Map(control);
        CreditBalance.Map(control);
        TriggerPayout.Map(control);
        DeauthorizeAccount.Map(control);
        ListSandboxEvents.Map(control);
        PayCheckoutSession.Map(control);
        ControlDisputes.Map(control);
        ControlClock.Map(control);
    }
}
