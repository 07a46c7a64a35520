using Marketplace.Infrastructure.Modules;
using Marketplace.Infrastructure.Web;
using Marten;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Wolverine;

namespace Marketplace.Features.Email;

/// <summary>
/// Mail: <see cref="SendEmail"/> messages delivered through Resend when <c>Resend:ApiKey</c> is set, or kept in the
/// dev outbox (<c>/dev/outbox</c>, <c>GET /api/dev/outbox</c> in Development) when it is not.
/// </summary>
public sealed class EmailModule : IFeatureModule
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EmailOptions>()
            .Configure(options => EmailOptions.Read(options, configuration))
            .Validate(options => !string.IsNullOrWhiteSpace(options.From), "Email:From must name a sender.");

        services.AddHttpClient<ResendEmailTransport>((provider, client) =>
            {
                var options = provider.GetRequiredService<IOptions<EmailOptions>>().Value;
                client.BaseAddress = options.ResendBaseUrl;
                client.DefaultRequestHeaders.Authorization = new("Bearer", options.ResendApiKey);
            })
            .AddStandardResilienceHandler()
            .Configure((HttpStandardResilienceOptions resilience, IServiceProvider provider) =>
            {
                var options = provider.GetRequiredService<IOptions<EmailOptions>>().Value;
                // POST is safe to retry here: the Idempotency-Key makes Resend send one mail however often it is asked.
                resilience.Retry.MaxRetryAttempts = 3;
                resilience.Retry.Delay = options.ResendRetryDelay;
                resilience.Retry.BackoffType = Polly.DelayBackoffType.Exponential;
                resilience.Retry.UseJitter = true;
                resilience.AttemptTimeout.Timeout = TimeSpan.FromSeconds(10);
                resilience.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(60);
            });

        services.AddSingleton<DevOutboxTransport>();
        services.AddTransient<IEmailSender>(provider =>
            provider.GetRequiredService<IOptions<EmailOptions>>().Value.UsesResend
                ? provider.GetRequiredService<ResendEmailTransport>()
                : provider.GetRequiredService<DevOutboxTransport>());

        // The transport is chosen from configuration when it is resolved, so Wolverine's handler code has to ask for it.
        services.ConfigureWolverine(options => options.CodeGeneration.AlwaysUseServiceLocationFor<IEmailSender>());

        services.ConfigureMarten(options => options.Schema.For<DevOutboxMail>().Index(mail => mail.SentAt));
    }

    public void MapEndpoints(IEndpointRouteBuilder app)
    {
        if (!app.ServiceProvider.GetRequiredService<IHostEnvironment>().IsDevelopment())
        {
            return;
        }

        GetDevOutbox.Map(app.MapApi("/dev", "Development"));
    }
}
