using Marketplace.StripeSandbox.Pages;
using Marketplace.StripeSandbox.Wire;
using Marten;
using Wolverine;
using Wolverine.Attributes;

namespace Marketplace.StripeSandbox.Payments;

/// <summary>
/// The hosted checkout a session's <c>url</c> leads to: a card form prefilled with 4242 4242 4242 4242. A card that
/// succeeds redirects to the <c>success_url</c>; a declined one shows Stripe's message and leaves the session open.
/// A session past its <c>expires_at</c> expires when its page is next opened.
/// </summary>
[WolverineHandler]
public static class CheckoutPage
{
    private const int MaxFieldLength = 200;

    public static void Map(IEndpointRouteBuilder sandbox)
    {
        sandbox.MapGet("/checkout/{sessionId}", ShowAsync);
        sandbox.MapPost("/checkout/{sessionId}", PayAsync);
    }

    /// <summary>Expires a session past its <c>expires_at</c> (its page was opened).</summary>
    public sealed record Expire(string SessionId);

    /// <summary>Pays an open session with the form's card.</summary>
    public sealed record Pay(string SessionId, string? CardNumber, string? Email, string? CardName)
    {
        /// <summary>What Wolverine logs of a failed payment: never the card.</summary>
        public override string ToString() => $"{nameof(CheckoutPage)}.{nameof(Pay)} {{ SessionId = {SessionId} }}";
    }

    /// <summary>How a payment ended: a redirect, or the page again with the card's error.</summary>
    public sealed record Paid(string? RedirectTo, SandboxCheckoutSession? Checkout, string? Decline);

    public static async Task<IResult> ShowAsync(string sessionId, IMessageBus bus, CancellationToken ct) =>
        await bus.InvokeAsync<SandboxCheckoutSession?>(new Expire(sessionId), ct, SandboxTransaction.InvokeTimeout) is { } checkout
            ? Page(checkout, checkout.CustomerEmail, error: null)
            : NotFound();

    public static async Task<IResult> PayAsync(string sessionId, HttpRequest request, IMessageBus bus, IQuerySession session, CancellationToken ct)
    {
        var form = request.HasFormContentType ? await request.ReadFormAsync(ct) : FormCollection.Empty;
        var email = Field(form, "email");
        try
        {
            var paid = await bus.InvokeAsync<Paid>(
                new Pay(sessionId, Field(form, "card_number"), email, Field(form, "card_name")), ct, SandboxTransaction.InvokeTimeout);
            return paid switch
            {
                { RedirectTo: { } to } => Results.Redirect(to),
                { Checkout: { } checkout } => Page(checkout, email, paid.Decline),
                _ => NotFound(),
            };
        }
        catch (Exception e) when (e.IsConcurrencyConflict())
        {
            // Paid twice at once: the other payment won; the page shows how the session ended.
            return await session.LoadAsync<SandboxCheckoutSession>(sessionId, ct) is { } checkout ? Results.Redirect(checkout.HostedUrl) : NotFound();
        }
    }

    /// <summary>The session, expired first when it is open past its <c>expires_at</c>; none when it does not exist.</summary>
    public static async Task<SandboxCheckoutSession?> HandleAsync(
        Expire command, IDocumentSession session, IMessageContext messages, TimeProvider clock, CancellationToken ct)
    {
        var checkout = await session.LoadAsync<SandboxCheckoutSession>(command.SessionId, ct);
        if (checkout is { Status: "open" } && !checkout.IsOpen(clock.GetUtcNow()))
        {
            await SandboxCheckout.ExpireAsync(await SandboxTransaction.BeginAsync(session, messages, clock, ct), checkout);
        }

        return checkout;
    }

    public static async Task<Paid> HandleAsync(Pay command, IDocumentSession session, IMessageContext messages, TimeProvider clock, CancellationToken ct)
    {
        var checkout = await session.LoadAsync<SandboxCheckoutSession>(command.SessionId, ct);
        if (checkout is null)
        {
            return new Paid(null, null, null);
        }

        if (!checkout.IsOpen(clock.GetUtcNow()))
        {
            return new Paid(checkout.HostedUrl, checkout, null);
        }

        var decline = await SandboxCheckout.PayAsync(
            await SandboxTransaction.BeginAsync(session, messages, clock, ct), checkout, command.CardNumber, command.Email, command.CardName, ct);
        return decline is null ? new Paid(checkout.SuccessRedirect, checkout, null) : new Paid(null, checkout, decline.Message);
    }

    private static SandboxPage Page(SandboxCheckoutSession checkout, string? email, string? error) =>
        new(checkout.Status == "complete" ? "Payment complete" : "Checkout", CheckoutView.Render(checkout, email, error),
            checkout.SuccessUrl, checkout.CancelUrl ?? "")
        {
            StatusCode = error is null ? StatusCodes.Status200OK : StatusCodes.Status402PaymentRequired,
        };

    private static SandboxPage NotFound() => new("Checkout not found",
        """<h1>This checkout link is not valid</h1><p class="sbx-muted">Return to the shop and start checkout again.</p>""")
    {
        StatusCode = StatusCodes.Status404NotFound,
    };

    private static string? Field(IFormCollection form, string name) => form[name].ToString().Trim() switch
    {
        "" => null,
        var text => text.Length > MaxFieldLength ? text[..MaxFieldLength] : text,
    };
}
