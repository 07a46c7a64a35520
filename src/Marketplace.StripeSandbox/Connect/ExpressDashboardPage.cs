using Marketplace.StripeSandbox.Balances;
using Marketplace.StripeSandbox.Pages;
using Marketplace.StripeSandbox.Payouts;
using Marketplace.StripeSandbox.Wire;
using Marten;
using Wolverine.Marten;

namespace Marketplace.StripeSandbox.Connect;

/// <summary>
/// The Express dashboard a login link opens: the account, its balance and payouts, and buttons that send a test
/// payout that is paid or one that fails (the balance is topped up first when it lacks the amount).
/// </summary>
public static class ExpressDashboardPage
{
    public static void Map(IEndpointRouteBuilder sandbox)
    {
        sandbox.MapGet("/express/{token}", ShowAsync);
        sandbox.MapPost("/express/{token}/payouts", SendTestPayoutAsync);
    }

    public static async Task<IResult> ShowAsync(string token, IQuerySession session, CancellationToken ct) =>
        await RenderAsync(session, token, notice: null, ct);

    public static async Task<IResult> SendTestPayoutAsync(
        string token, HttpRequest request, IDocumentSession session, IMartenOutbox outbox, TimeProvider clock, CancellationToken ct)
    {
        var (link, account) = await FindAsync(session, token, ct);
        if (link is null || account is null)
        {
            return NotFound();
        }

        var form = request.HasFormContentType ? await request.ReadFormAsync(ct) : FormCollection.Empty;
        var outcome = form["outcome"].ToString() == "failed" ? "failed" : "paid";
        var amount = long.TryParse(form["amount"], out var cents) && cents > 0 ? cents : 1000;
        outbox.Enroll(session);
        try
        {
            await SandboxPayouts.CreateAsync(new SandboxTransaction(session, outbox, clock), account,
                new PayoutRequest(amount, account.DefaultCurrency, outcome, Description: "Test payout") { TopUp = true }, ct);
            await session.SaveChangesAsync(ct);
        }
        catch (StripeApiException e)
        {
            return await RenderAsync(session, token, e.Message, ct);
        }

        return Results.Redirect($"{CreateLoginLink.PagePath}/{Uri.EscapeDataString(token)}", permanent: false, preserveMethod: false);
    }

    private static async Task<IResult> RenderAsync(IQuerySession session, string token, string? notice, CancellationToken ct)
    {
        var (link, account) = await FindAsync(session, token, ct);
        if (link is null || account is null)
        {
            return NotFound();
        }

        var balance = await SandboxBalance.LoadAsync(session, account.Id, ct, account.DefaultCurrency);
        var payouts = await session.Query<SandboxPayout>().Where(p => p.Account == account.Id).OrderByDescending(p => p.CreatedAt).Take(20).ToListAsync(ct);
        return new SandboxPage("Express dashboard", ExpressDashboardView.Render(token, account, balance, payouts, notice));
    }

    private static async Task<(SandboxLoginLink? Link, SandboxAccount? Account)> FindAsync(IQuerySession session, string token, CancellationToken ct)
    {
        var link = await session.LoadAsync<SandboxLoginLink>(token, ct);
        var account = link is null ? null : await session.LoadAsync<SandboxAccount>(link.Account, ct);
        return (link, account is { Deauthorized: false } ? account : null);
    }

    private static SandboxPage NotFound() => new("Link not found",
        """<h1>This dashboard link is not valid</h1><p class="sbx-muted">Open the dashboard again from the platform.</p>""")
    {
        StatusCode = StatusCodes.Status404NotFound,
    };
}
