using System.Globalization;
using System.Text;
using Marketplace.StripeSandbox.Balances;
using Marketplace.StripeSandbox.Pages;
using Marketplace.StripeSandbox.Payouts;

namespace Marketplace.StripeSandbox.Connect;

/// <summary>The HTML of the sandbox's Express dashboard.</summary>
public static class ExpressDashboardView
{
    public static string Render(string token, SandboxAccount account, SandboxBalance balance, IReadOnlyList<SandboxPayout> payouts, string? notice)
    {
        var e = (Func<string?, string>)SandboxPage.Encode;
        var status = account.PayoutsEnabled ? """<span class="sbx-badge sbx-ok">Payouts enabled</span>"""
            : """<span class="sbx-badge sbx-warn">Payouts paused: information needed</span>""";
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"""
            <header class="sbx-header">
              <p class="sbx-eyebrow">Stripe Express</p>
              <h1>{e(account.BusinessProfile.Name ?? account.Email ?? account.Id)}</h1>
              <p>{status} <span class="sbx-muted">{e(account.Email)} · <code>{e(account.Id)}</code></span></p>
            </header>
            """);
        if (notice is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"""<p class="sbx-notice" role="alert">{e(notice)}</p>""");
        }

        if (account.CurrentlyDue.Count > 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"""<p class="sbx-muted">Still due: {e(string.Join(", ", account.CurrentlyDue))}</p>""");
        }

        html.Append("""<section aria-labelledby="balance-heading"><h2 id="balance-heading">Balance</h2><dl class="sbx-balance">""");
        foreach (var currency in balance.Available.Keys.Union(balance.Pending.Keys).Append(balance.DefaultCurrency).Distinct())
        {
            html.Append(CultureInfo.InvariantCulture, $"""
                <div><dt>Available ({e(currency.ToUpperInvariant())})</dt><dd>{e(SandboxPage.Money(balance.AvailableIn(currency), currency))}</dd></div>
                <div><dt>Pending ({e(currency.ToUpperInvariant())})</dt><dd>{e(SandboxPage.Money(balance.Pending.GetValueOrDefault(currency), currency))}</dd></div>
                """);
        }

        html.Append(CultureInfo.InvariantCulture, $"""
            </dl></section>
            <section aria-labelledby="test-heading"><h2 id="test-heading">Test payouts</h2>
            <form method="post" action="{CreateLoginLink.PagePath}/{e(token)}/payouts" class="sbx-form sbx-inline">
              <p class="sbx-field"><label for="amount">Amount (in cents)</label><input id="amount" name="amount" type="number" min="1" value="1000"></p>
              <div class="sbx-actions">
                <button type="submit" name="outcome" value="paid" class="sbx-button">Send a test payout</button>
                <button type="submit" name="outcome" value="failed" class="sbx-button sbx-secondary">Fail a test payout</button>
              </div>
            </form></section>
            <section aria-labelledby="payouts-heading"><h2 id="payouts-heading">Payouts</h2>
            """);
        if (payouts.Count == 0)
        {
            html.Append("""<p class="sbx-muted">No payouts yet.</p></section>""");
            return html.ToString();
        }

        html.Append("""<table class="sbx-table"><thead><tr><th scope="col">Payout</th><th scope="col">Amount</th><th scope="col">Status</th><th scope="col">Created</th></tr></thead><tbody>""");
        foreach (var payout in payouts)
        {
            var created = DateTimeOffset.FromUnixTimeSeconds(payout.Created).ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
            var state = payout.FailureMessage is { } reason ? $"{payout.Status}: {reason}" : payout.Status;
            html.Append(CultureInfo.InvariantCulture, $"""
                <tr><td><code>{e(payout.Id)}</code></td><td>{e(SandboxPage.Money(payout.Amount, payout.Currency))}</td><td>{e(state)}</td><td>{e(created)}</td></tr>
                """);
        }

        html.Append("</tbody></table></section>");
        return html.ToString();
    }
}
