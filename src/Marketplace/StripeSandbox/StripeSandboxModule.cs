using Marketplace.Infrastructure.Modules;
using Marketplace.Infrastructure.Payments;
using Marketplace.StripeSandbox.Balances;
using Marketplace.StripeSandbox.Connect;
using Marketplace.StripeSandbox.Control;
using Marketplace.StripeSandbox.Events;
using Marketplace.StripeSandbox.Payments;
using Marketplace.StripeSandbox.Payouts;
using Marketplace.StripeSandbox.Transfers;
using Marketplace.StripeSandbox.Wire;
using Marten;

namespace Marketplace.StripeSandbox;

/// <summary>
/// The embedded Stripe sandbox under <c>/stripe-sandbox</c>: the Stripe API calls the marketplace makes, the hosted
/// onboarding and Express dashboard pages, signed webhook deliveries with test faults, and a control API for tests.
/// It serves only when <see cref="StripeSetup.SandboxEnabled"/> (no <c>Stripe:SecretKey</c>, Development only).
/// </summary>
public sealed class StripeSandboxModule : IFeatureModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<SandboxSettings>();
        services.AddSingleton<SandboxFaults>();
        services.AddSingleton<WebhookSender>();
        services.AddHttpClient(StripeSetup.SandboxWebhookHttpClientName, client => client.Timeout = TimeSpan.FromSeconds(20));
        services.ConfigureMarten((provider, options) =>
        {
            if (StripeSetup.SandboxEnabled(provider))
            {
                SandboxDocuments.Register(options);
            }
        });
    }

    public void MapEndpoints(IEndpointRouteBuilder app)
    {
        if (!StripeSetup.SandboxEnabled(app.ServiceProvider))
        {
            return;
        }

        var sandbox = app.MapGroup(StripeSandboxAddress.PathPrefix).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();

        var api = sandbox.MapGroup("/v1");
        CreateAccount.Map(api);
        GetAccount.Map(api);
        UpdateAccount.Map(api);
        DeleteAccount.Map(api);
        CreateAccountLink.Map(api);
        CreateLoginLink.Map(api);
        GetBalance.Map(api);
        CreatePayout.Map(api);
        GetPayout.Map(api);
        ListPayouts.Map(api);
        GetEvent.Map(api);
        ListEvents.Map(api);
        GetBalanceTransaction.Map(api);
        CreateCheckoutSession.Map(api);
        GetCheckoutSession.Map(api);
        ExpireCheckoutSession.Map(api);
        GetPaymentObjects.Map(api);
        CreateRefund.Map(api);
        CreateTransfer.Map(api);
        GetTransfer.Map(api);
        ReverseTransfer.Map(api);
        api.MapUnrecognized();

        OnboardingPage.Map(sandbox);
        ExpressDashboardPage.Map(sandbox);
        CheckoutPage.Map(sandbox);

        var control = sandbox.MapGroup("/control");
        ControlFaults.Map(control);
        ControlOnboarding.Map(control);
        CreditBalance.Map(control);
        TriggerPayout.Map(control);
        DeauthorizeAccount.Map(control);
        ListSandboxEvents.Map(control);
        PayCheckoutSession.Map(control);
        ControlDisputes.Map(control);
    }
}
