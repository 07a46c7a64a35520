using System.Net;
using System.Text.Json;
using Marketplace.Features.Email;
using Marketplace.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tests.Features.Email;

/// <summary>The Resend transport as the app builds it (the module's registration, with its resilience pipeline), against a fake Resend.</summary>
public sealed class ResendEmailTransportTests
{
    private const string ApiKey = "re_test_0123456789";
    private const string From = "Marketplace <mail@shop.example>";

    [Fact]
    public async Task A_mail_is_posted_to_resend_with_the_api_key_the_idempotency_key_and_a_json_body()
    {
        await using var resend = await FakeResendServer.StartAsync();
        await using var services = TransportServices(resend.BaseUrl);
        var message = NewMessage();

        await services.GetRequiredService<IEmailSender>().SendAsync(message, CancellationToken.None);

        var request = resend.Requests.ShouldHaveSingleItem();
        request.Method.ShouldBe("POST");
        request.Path.ShouldBe("/emails");
        request.Authorization.ShouldBe($"Bearer {ApiKey}");
        request.IdempotencyKey.ShouldBe(message.MessageId.ToString());
        request.ContentType.ShouldNotBeNull().ShouldStartWith("application/json");
        using var json = JsonDocument.Parse(request.Body);
        var body = json.RootElement;
        body.GetProperty("from").GetString().ShouldBe(From);
        body.GetProperty("to").EnumerateArray().Select(to => to.GetString()).ShouldBe(["buyer@example.com"]);
        body.GetProperty("subject").GetString().ShouldBe(message.Subject);
        body.GetProperty("html").GetString().ShouldBe(message.Html);
        body.GetProperty("text").GetString().ShouldBe(message.Text);
    }

    [Fact]
    public async Task With_an_api_key_the_app_sends_through_resend()
    {
        await using var services = TransportServices(new Uri("http://127.0.0.1:9/"));

        services.GetRequiredService<IEmailSender>().ShouldBeOfType<ResendEmailTransport>();
    }

    [Fact]
    public async Task Server_errors_are_retried_with_the_same_idempotency_key_until_resend_accepts()
    {
        await using var resend = await FakeResendServer.StartAsync(500, 500, 200);
        await using var services = TransportServices(resend.BaseUrl);
        var message = NewMessage();

        await services.GetRequiredService<IEmailSender>().SendAsync(message, CancellationToken.None);

        resend.Requests.Count.ShouldBe(3);
        resend.Requests.ShouldAllBe(request => request.IdempotencyKey == message.MessageId.ToString());
    }

    [Fact]
    public async Task A_rejected_mail_fails_at_once_with_the_reason_and_without_retries()
    {
        await using var resend = await FakeResendServer.StartAsync(422);
        await using var services = TransportServices(resend.BaseUrl);
        var message = NewMessage();

        var rejection = await Should.ThrowAsync<EmailRejectedException>(
            () => services.GetRequiredService<IEmailSender>().SendAsync(message, CancellationToken.None));

        rejection.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        rejection.MessageId.ShouldBe(message.MessageId);
        rejection.Message.ShouldContain("validation_error");
        resend.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task An_outage_outlasting_the_retries_fails_as_transient_so_the_queue_tries_again_later()
    {
        await using var resend = await FakeResendServer.StartAsync(503, 503, 503, 503, 503);
        await using var services = TransportServices(resend.BaseUrl);

        var failure = await Should.ThrowAsync<HttpRequestException>(
            () => services.GetRequiredService<IEmailSender>().SendAsync(NewMessage(), CancellationToken.None));

        failure.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        resend.Requests.Count.ShouldBe(4);
    }

    private static SendEmail NewMessage() =>
        new(Guid.CreateVersion7(), "buyer@example.com", "Your receipt", "Thanks for your order.", "<p>Thanks for your order.</p>");

    private static ServiceProvider TransportServices(Uri resendBaseUrl)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Resend:ApiKey"] = ApiKey,
                ["Resend:BaseUrl"] = resendBaseUrl.ToString(),
                ["Resend:RetryDelay"] = "00:00:00.010",
                ["Email:From"] = From,
            })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        new EmailModule().AddServices(services, configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }
}
