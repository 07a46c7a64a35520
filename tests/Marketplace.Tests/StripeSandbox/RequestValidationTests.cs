using System.Net;
using System.Text.Json;
using Marketplace.Infrastructure.Payments;
using Stripe;

namespace Marketplace.Tests.StripeSandbox;

/// <summary>
/// The sandbox refuses what Stripe refuses, judged by Stripe's OpenAPI description: a typo in a parameter name is a
/// 400 here as it would be in production, not a call that quietly does less.
/// </summary>
public sealed class RequestValidationTests(AppFixture fixture) : StripeSandboxTest(fixture)
{
    [Fact]
    public async Task An_unknown_parameter_sent_by_stripe_net_is_refused_with_parameter_unknown()
    {
        var options = new TransferCreateOptions { Amount = 100, Currency = "usd", Destination = "acct_anything" };
        options.AddExtraParam("transfer_grup", "order-1");

        var refusal = await Should.ThrowAsync<StripeException>(() => new TransferService(Stripe).CreateAsync(options));

        refusal.HttpStatusCode.ShouldBe(HttpStatusCode.BadRequest);
        refusal.StripeError.Type.ShouldBe("invalid_request_error");
        refusal.StripeError.Code.ShouldBe("parameter_unknown");
        refusal.StripeError.Param.ShouldBe("transfer_grup");
        refusal.Message.ShouldBe("Received unknown parameter: transfer_grup");
    }

    [Fact]
    public async Task Parameters_named_like_the_descriptions_own_keywords_are_known()
    {
        var options = new TransferCreateOptions { Amount = 100, Currency = "usd", Destination = "acct_missing", Description = "Order 1" };

        var refusal = await Should.ThrowAsync<StripeException>(() => new TransferService(Stripe).CreateAsync(options));

        refusal.StripeError.Code.ShouldBe("resource_missing");
        refusal.StripeError.Param.ShouldBe("destination");
    }

    [Theory]
    [InlineData("capabilities[card_payments][requestd]", "true")]
    [InlineData("business_profile[nam]", "Glyph Foundry")]
    [InlineData("controller[stripe_dashboard][kind]", "express")]
    public async Task An_unknown_nested_parameter_is_refused_by_its_bracketed_name(string name, string value)
    {
        var error = await RefusalAsync(HttpMethod.Post, "/v1/accounts", new() { ["email"] = "seller@shop.example", [name] = value });

        error.GetProperty("code").GetString().ShouldBe("parameter_unknown");
        error.GetProperty("param").GetString().ShouldBe(name);
        error.GetProperty("message").GetString().ShouldBe($"Received unknown parameter: {name}");
    }

    [Fact]
    public async Task A_query_parameter_of_a_get_is_checked_too()
    {
        var error = await RefusalAsync(HttpMethod.Get, "/v1/events?typ=payout.paid");

        error.GetProperty("code").GetString().ShouldBe("parameter_unknown");
        error.GetProperty("param").GetString().ShouldBe("typ");
    }

    [Theory]
    [InlineData("/v1/payouts?limit=many", "limit", "parameter_invalid_integer", "Invalid integer: many")]
    [InlineData("/v1/events?created[gte]=yesterday", "created[gte]", "parameter_invalid_integer", "Invalid integer: yesterday")]
    public async Task A_value_of_the_wrong_type_is_refused_with_stripes_code(string url, string param, string code, string message)
    {
        var error = await RefusalAsync(HttpMethod.Get, url);

        error.GetProperty("code").GetString().ShouldBe(code);
        error.GetProperty("param").GetString().ShouldBe(param);
        error.GetProperty("message").GetString().ShouldBe(message);
    }

    [Fact]
    public async Task A_boolean_an_enum_and_an_empty_value_are_checked_against_the_spec()
    {
        var boolean = await RefusalAsync(HttpMethod.Post, "/v1/accounts", new() { ["capabilities[transfers][requested]"] = "yes" });
        boolean.GetProperty("code").GetString().ShouldBe("parameter_invalid_boolean");
        boolean.GetProperty("param").GetString().ShouldBe("capabilities[transfers][requested]");

        var choice = await RefusalAsync(HttpMethod.Post, "/v1/accounts", new() { ["type"] = "premium" });
        choice.GetProperty("param").GetString().ShouldBe("type");
        choice.GetProperty("message").GetString().ShouldBe("Invalid type: must be one of custom, express, or standard");

        var empty = await RefusalAsync(HttpMethod.Post, "/v1/payouts", new() { ["amount"] = "", ["currency"] = "usd" });
        empty.GetProperty("code").GetString().ShouldBe("parameter_invalid_empty");
        empty.GetProperty("param").GetString().ShouldBe("amount");
    }

    [Fact]
    public async Task An_unknown_currency_is_refused_as_an_invalid_currency_not_as_insufficient_funds()
    {
        var transfer = await RefusalAsync(HttpMethod.Post, "/v1/transfers", new() { ["amount"] = "100", ["currency"] = "zzz", ["destination"] = "acct_x" });
        transfer.GetProperty("param").GetString().ShouldBe("currency");
        transfer.GetProperty("message").GetString()!.ShouldStartWith("Invalid currency: zzz. Stripe currently supports these currencies: usd, aed,");

        var payout = await RefusalAsync(HttpMethod.Post, "/v1/payouts", new() { ["amount"] = "100", ["currency"] = "zzz" });
        payout.GetProperty("param").GetString().ShouldBe("currency");
        payout.GetProperty("message").GetString()!.ShouldStartWith("Invalid currency: zzz.");

        var checkout = await RefusalAsync(HttpMethod.Post, "/v1/checkout/sessions", new()
        {
            ["mode"] = "payment", ["success_url"] = "https://shop.example/paid", ["line_items[0][quantity]"] = "1",
            ["line_items[0][price_data][currency]"] = "zzz", ["line_items[0][price_data][unit_amount]"] = "500",
            ["line_items[0][price_data][product_data][name]"] = "Font pack",
        });
        checkout.GetProperty("param").GetString().ShouldBe("line_items[0][price_data][currency]");
    }

    [Theory]
    [InlineData("/v1/payouts/po_missing?expand[]=metadata", "This property cannot be expanded (metadata).")]
    [InlineData("/v1/payouts?expand[]=destination", "This property cannot be expanded (destination). You may want to try expanding 'data.destination' instead.")]
    [InlineData("/v1/payment_intents/pi_missing?expand[]=latest_charge.balance_transaction.source.fee_details.x", "You cannot expand more than 4 levels of a property.")]
    [InlineData("/v1/transfers/tr_missing?expand[]=destination.bogus", "This property cannot be expanded (bogus).")]
    public async Task An_expand_path_stripe_cannot_expand_is_refused(string url, string message)
    {
        var error = await RefusalAsync(HttpMethod.Get, url);

        error.GetProperty("type").GetString().ShouldBe("invalid_request_error");
        error.GetProperty("message").GetString().ShouldBe(message);
    }

    [Fact]
    public async Task A_missing_object_is_a_404_resource_missing_naming_param_id()
    {
        var refusal = await Should.ThrowAsync<StripeException>(() => new PayoutService(Stripe).GetAsync("po_missing"));

        refusal.HttpStatusCode.ShouldBe(HttpStatusCode.NotFound);
        refusal.StripeError.Code.ShouldBe("resource_missing");
        refusal.StripeError.Param.ShouldBe("id");
        refusal.Message.ShouldBe("No such payout: 'po_missing'");
    }

    private async Task<JsonElement> RefusalAsync(HttpMethod method, string url, Dictionary<string, string>? form = null)
    {
        var result = await Host.Scenario(s =>
        {
            if (method == HttpMethod.Get)
            {
                s.Get.Url($"/stripe-sandbox{url}");
            }
            else
            {
                s.Post.FormData(form ?? []).ToUrl($"/stripe-sandbox{url}");
            }

            s.WithRequestHeader("Authorization", $"Bearer {StripeOptions.SandboxSecretKey}");
            s.StatusCodeShouldBe(400);
        });
        return result.ReadAsJson<JsonElement>().GetProperty("error");
    }
}
