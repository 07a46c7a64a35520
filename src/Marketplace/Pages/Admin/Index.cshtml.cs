using Marketplace.Features.Accounts;
using Marketplace.Features.Dashboard;
using Marketplace.Infrastructure.Payments;
using Marketplace.Pages.Shared;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wolverine.Runtime;

namespace Marketplace.Pages.Admin;

/// <summary>The admin landing page: the dashboard of <see cref="GetDashboard"/>, its series drawn as bar charts.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class DashboardModel(IQuerySession session, IWolverineRuntime runtime, TimeProvider clock) : PageModel
{
    /// <summary>The ranges offered as links; any other whole number works in the address too.</summary>
    public static readonly IReadOnlyList<int> Ranges = [7, 30, 90, 365];

    [BindProperty(SupportsGet = true, Name = "days")]
    public string? DaysAsked { get; set; }

    /// <summary>The days asked for were not a whole number: the page shows the default range and says so.</summary>
    public bool UnreadableDays { get; private set; }

    public GetDashboard.Response Dashboard { get; private set; } = null!;

    public IReadOnlyList<BarChart> SalesCharts { get; private set; } = [];

    public BarChart MembersChart { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var days = GetDashboard.DaysOf(DaysAsked);
        UnreadableDays = days is null;
        Dashboard = await GetDashboard.ReadAsync(session, runtime, clock, days ?? GetDashboard.DefaultDays, ct);
        SalesCharts = [.. Dashboard.Sales.Select(c => BarChart.Of($"sales-{c.Currency}", $"Sales in {c.Currency.ToUpperInvariant()} per day", "Paid orders",
            [.. c.Days.Select(d => (Day(d.Date), d.Amount, $"{Money.Format(d.Amount, c.Currency)} ({d.Orders} {(d.Orders == 1 ? "order" : "orders")})"))]))];
        MembersChart = BarChart.Of("members", "New members per day", "New members",
            [.. Dashboard.Members.Select(d => (Day(d.Date), (long)d.Joined, $"{d.Joined}"))]);
    }

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
