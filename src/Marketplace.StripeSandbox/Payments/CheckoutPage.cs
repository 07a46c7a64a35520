using Marketplace.StripeSandbox.Pages;
using Marketplace.StripeSandbox.Wire;
using Marten;
using Wolverine.Marten;

namespace Marketplace.StripeSandbox.Payments;

/// <summary>
/// The hosted checkout a session's <c>url</c> leads to: a card form prefilled with 4242 4242 4242 4242. A card that
/// succeeds redirects to the <c>success_url</c>; a declined one shows Stripe's message and leaves the session open.
/// A session past its <c>expires_at</c> expires when its page is next opened.
/// </summary>
public static class CheckoutPage
{
    private const int MaxFieldLength = 200;

    public static void Map(IEndpointRouteBuilder sandbox)
    {
        sandbox.MapGet("/checkout/{sessionId}", ShowAsync);
        sandbox.MapPost("/checkout/{sessionId}", PayAsync);
    }

    public static async Task<IResult> ShowAsync(
        string sessionId, IDocumentSession session, IMartenOutbox outbox, TimeProvider clock, CancellationToken ct)
    {
        var checkout = await session.LoadAsync<SandboxCheckoutSession>(sessionId, ct);
        if (checkout is null)
        {
            return NotFound();
        }

        if (checkout.Status == "open" && !checkout.IsOpen(clock.GetUtcNow()))
        {
            outbox.Enroll(session);
            await SandboxCheckout.ExpireAsync(new SandboxTransaction(session, outbox, clock), checkout);
            await session.SaveChangesAsync(ct);
        }

        return Page(checkout, checkout.CustomerEmail, error: null);
    }

    public static async Task<IResult> PayAsync(
        string sessionId, HttpRequest request, IDocumentSession session, IMartenOutbox outbox, TimeProvider clock, CancellationToken ct)
    {
        var checkout = await session.LoadAsync<SandboxCheckoutSession>(sessionId, ct);
        if (checkout is null)
        {
            return NotFound();
        }

        if (!checkout.IsOpen(clock.GetUtcNow()))
        {
            return Results.Redirect(checkout.HostedUrl);
        }

        var form = request.HasFormContentType ? await request.ReadFormAsync(ct) : FormCollection.Empty;
        var email = Field(form, "email");
        outbox.Enroll(session);
        var decline = await SandboxCheckout.PayAsync(
            new SandboxTransaction(session, outbox, clock), checkout, Field(form, "card_number"), email, Field(form, "card_name"), ct);
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (Exception e) when (e.IsConcurrencyConflict())
        {
            // Paid twice at once: the other payment won; the page shows how the session ended.
            return Results.Redirect(checkout.HostedUrl);
        }

        return decline is null ? Results.Redirect(checkout.SuccessRedirect) : Page(checkout, email, decline.Message);
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
