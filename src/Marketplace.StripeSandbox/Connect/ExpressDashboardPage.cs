using Marketplace.StripeSandbox.Balances;
using Marketplace.StripeSandbox.Pages;
using Marketplace.StripeSandbox.Payouts;
using Marketplace.StripeSandbox.Wire;
using Marten;
using Wolverine;
using Wolverine.Attributes;

namespace Marketplace.StripeSandbox.Connect;

/// <summary>
/// The Express dashboard a login link opens: the account, its balance and payouts, and buttons that send a test
/// payout that is paid or one that fails (the balance is topped up first when it lacks the amount).
/// </summary>
[WolverineHandler]
public static class ExpressDashboardPage
{
    public static void Map(IEndpointRouteBuilder sandbox)
    {
        sandbox.MapGet("/express/{token}", ShowAsync);
        sandbox.MapPost("/express/{token}/payouts", SendTestPayoutAsync);
    }

    public static async Task<IResult> ShowAsync(string token, IQuerySession session, CancellationToken ct) =>
        await RenderAsync(session, token, notice: null, ct);

    /// <summary>A test payout of the dashboard's account (its balance topped up first when short).</summary>
    public sealed record SendTestPayout(string Token, long Amount, string Outcome);

    public static async Task<IResult> SendTestPayoutAsync(string token, HttpRequest request, IMessageBus bus, IQuerySession session, CancellationToken ct)
    {
        var form = request.HasFormContentType ? await request.ReadFormAsync(ct) : FormCollection.Empty;
        var outcome = form["outcome"].ToString() == "failed" ? "failed" : "paid";
        var amount = long.TryParse(form["amount"], out var cents) && cents > 0 ? cents : 1000;
        try
        {
            return await bus.InvokeAsync<bool>(new SendTestPayout(token, amount, outcome), ct, SandboxTransaction.InvokeTimeout)
                ? Results.Redirect($"{CreateLoginLink.PagePath}/{Uri.EscapeDataString(token)}", permanent: false, preserveMethod: false)
                : NotFound();
        }
        catch (StripeApiException e)
        {
            return await RenderAsync(session, token, e.Message, ct); // thrown by the handler: nothing was committed
        }
    }

    /// <summary>False when the link or its account is gone.</summary>
    public static async Task<bool> HandleAsync(
        SendTestPayout command, IDocumentSession session, IMessageContext messages, TimeProvider clock, CancellationToken ct)
    {
        var (link, account) = await FindAsync(session, command.Token, ct);
        if (link is null || account is null)
        {
            return false;
        }

        await SandboxPayouts.CreateAsync(await SandboxTransaction.BeginAsync(session, messages, clock, ct), account,
            new PayoutRequest(command.Amount, account.DefaultCurrency, command.Outcome, Description: "Test payout") { TopUp = true }, ct);
        return true;
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
