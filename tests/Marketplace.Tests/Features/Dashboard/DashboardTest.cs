using System.Text.Json;
using Marketplace.Features.Accounts;
using Marketplace.Features.Orders;
using Marketplace.Tests.Features.Shops;

namespace Marketplace.Tests.Features.Dashboard;

/// <summary>What the dashboard tests share: an admin, documents seeded on known UTC days, and reading the dashboard.</summary>
public abstract class DashboardTest(AppFixture fixture) : ShopsTest(fixture)
{
    protected static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    protected static DateTimeOffset At(DateOnly day, int hour = 12) => new(day.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.Zero);

    protected static Order PaidOrder(DateOnly day, long total, string currency = "usd", int hour = 12) => new()
    {
        Id = Guid.CreateVersion7(), BuyerId = Guid.NewGuid(), Status = OrderStatus.Fulfilled, Currency = currency, Total = total,
        AmountCharged = total, PlacedAt = At(day, hour).AddMinutes(-5), PaidAt = At(day, hour),
    };

    protected static UserAccount Joined(DateOnly day, int hour = 12)
    {
        var id = Guid.NewGuid();
        return new UserAccount
        {
            Id = id, Email = $"{id:N}@example.com", NormalizedEmail = $"{id:N}@EXAMPLE.COM", UserName = $"{id:N}@example.com",
            NormalizedUserName = $"{id:N}@EXAMPLE.COM", DisplayName = "Seeded", Roles = [Roles.Buyer], CreatedAt = At(day, hour),
        };
    }

    protected async Task<JsonElement> DashboardAsync(string token, string query = "") =>
        (await AsUserAsync(token, s => { s.Get.Url($"/api/admin/dashboard{query}"); s.StatusCodeShouldBe(200); })).ReadAsJson<JsonElement>();

    protected static JsonElement Day(JsonElement days, DateOnly day) =>
        days.EnumerateArray().Single(d => d.GetProperty("date").GetString() == day.ToString("yyyy-MM-dd"));
}
