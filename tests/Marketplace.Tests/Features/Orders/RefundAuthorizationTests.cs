using Marketplace.Features.Accounts;
using Marketplace.Features.Orders;

namespace Marketplace.Tests.Features.Orders;

/// <summary>
/// Who may refund a line (Glyph Foundry's Icons) of a paid two-shop order: its seller and admins. The buyer, a
/// moderator and a seller with nothing in the order get the 404 of an order that is not theirs; Paper Mill, whose
/// lines are in the order but not this one, is told it may refund only its own; anonymous callers get 401.
/// </summary>
public sealed class RefundAuthorizationTests(AppFixture fixture) : RefundsTest(fixture)
{
    public enum Caller
    {
        Anonymous,
        Buyer,
        Moderator,
        SellerOutsideTheOrder,
        SellerOfAnotherLine,
        SellerOfTheLine,
        Admin,
    }

    [Theory]
    [InlineData(Caller.Anonymous, 401)]
    [InlineData(Caller.Buyer, 404)]
    [InlineData(Caller.Moderator, 404)]
    [InlineData(Caller.SellerOutsideTheOrder, 404)]
    [InlineData(Caller.SellerOfAnotherLine, 403)]
    [InlineData(Caller.SellerOfTheLine, 202)]
    [InlineData(Caller.Admin, 202)]
    public async Task Each_caller_gets_the_refund_answer_of_their_role(Caller caller, int status)
    {
        var paid = await PaidTwoShopOrderAsync();
        var token = caller switch
        {
            Caller.Anonymous => null,
            Caller.Buyer => paid.Buyer.Token,
            Caller.Moderator => (await MemberAsync("moderator", Roles.Moderator)).Token,
            Caller.SellerOutsideTheOrder => (await SellerReadyToSellAsync("Ink Works")).Owner.Token,
            Caller.SellerOfAnotherLine => paid.Paper.Owner.Token,
            Caller.SellerOfTheLine => paid.Glyphs.Owner.Token,
            _ => (await MemberAsync("admin", Roles.Admin)).Token,
        };

        var answer = await ApiStatusAsync(token, s => s.Post.Json(new { lines = new[] { paid.LineOf(paid.Icons) }, reason = "Asked by the buyer." })
            .ToUrl($"/api/orders/{paid.Order.Id}/refunds"));

        answer.ShouldBe(status);
        var order = (await OrderAsync(paid.Order.Id))!;
        order.Refunds.Count.ShouldBe(status == 202 ? 1 : 0);
        (await EntitlementsOfOrderAsync(order.Id)).Count(e => e.State == EntitlementState.Revoked).ShouldBe(status == 202 ? 1 : 0);
    }

    [Fact]
    public async Task Hostile_refund_input_is_a_problem_and_changes_nothing()
    {
        var paid = await PaidTwoShopOrderAsync();
        var icons = paid.LineOf(paid.Icons);
        string[] bodies =
        [
            """{"lines":[99],"reason":"Unknown line."}""",
            $$"""{"lines":[{{icons}},{{icons}}],"reason":"Twice the same line."}""",
            """{"lines":[],"reason":"No lines."}""",
            """{"lines":[-1],"reason":"Negative."}""",
            $$"""{"lines":[{{icons}}],"reason":"NUL \u0000 inside"}""",
            $$"""{"lines":[{{icons}}],"reason":"{{new string('x', 100_000)}}"}""",
            $$"""{"lines":[{{icons}}],"reason":""}""",
            $$"""{"lines":[{{icons}}]}""",
            """{"lines":["one"],"reason":"Not a number."}""",
            """{"lines":[""",
        ];

        foreach (var body in bodies)
        {
            var result = await AsUserAsync(paid.Glyphs.Owner.Token, s =>
            {
                s.Post.Text(body).ToUrl($"/api/orders/{paid.Order.Id}/refunds");
                s.ConfigureHttpContext(c => c.Request.ContentType = "application/json");
                s.StatusCodeShouldBe(400);
            });
            result.Context.Response.ContentType!.ShouldStartWith("application/problem+json");
        }

        var form = await AsUserAsync(paid.Glyphs.Owner.Token, s =>
        {
            s.Post.FormData(new Dictionary<string, string> { ["reason"] = "A form." }).ToUrl($"/api/orders/{paid.Order.Id}/refunds");
            s.StatusCodeShouldBe(415);
        });
        form.Context.Response.ContentType!.ShouldStartWith("application/problem+json");
        (await RefundAsync(paid.Glyphs.Owner, paid.Order.Id, new { lines = new[] { icons, paid.LineOf(paid.Textures) }, reason = "Both shops." }, 403))
            .ShouldBeProblem(403, Marketplace.Infrastructure.Web.ProblemTypes.Forbidden);
        (await RefundAsync(paid.Glyphs.Owner, paid.Order.Id, new { reason = "The whole order, two shops." }, 403))
            .ShouldBeProblem(403, Marketplace.Infrastructure.Web.ProblemTypes.Forbidden);

        await MessagesSettledAsync();
        (await OrderAsync(paid.Order.Id))!.Refunds.ShouldBeEmpty();
        (await EntitlementsOfOrderAsync(paid.Order.Id)).ShouldAllBe(e => e.State == EntitlementState.Active);
        (await RefundsOfChargeAsync(paid.Order.ChargeId!)).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_order_not_paid_cannot_be_refunded()
    {
        var seller = await SellerReadyToSellAsync();
        var buyer = await BuyerAsync();
        await AddAsync(buyer, (await ProductOfAsync(seller, "Icons", 1500)).Id);
        var checkout = await CheckoutAsync(buyer);

        (await RefundAsync(seller.Owner, checkout.OrderId, new { reason = "Not paid yet." }, 409)).ShouldBeProblem(409, OrderProblems.NotRefundableType);
    }
}
