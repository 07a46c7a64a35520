using System.Text.Json.Nodes;
using Marketplace.StripeSandbox.Wire;

namespace Marketplace.StripeSandbox.Connect;

public enum OnboardingOutcome
{
    /// <summary>Everything provided: details submitted, charges and payouts enabled, capabilities active.</summary>
    Complete,

    /// <summary>Details submitted but a bank account and an identity document still due: charges and payouts disabled.</summary>
    RequirementsDue,
}

/// <summary>What the hosted form (or the control API) provides about the business.</summary>
public sealed record OnboardingDetails(string? BusinessName, string? Website, string? ProductDescription, string? Ip, string? UserAgent);

/// <summary>
/// Finishing onboarding, from the hosted page or the control API: changes the account, then emits
/// <c>account.updated</c> (with <c>previous_attributes</c>) and one <c>capability.updated</c> per capability whose
/// status changed.
/// </summary>
public static class SandboxOnboarding
{
    public static readonly IReadOnlyList<string> LeftDue = ["external_account", "individual.verification.document"];

    public static async Task<JsonObject> ApplyAsync(SandboxTransaction transaction, SandboxAccount account, OnboardingOutcome outcome, OnboardingDetails details)
    {
        var before = AccountObject.Render(account);
        var statusesBefore = new Dictionary<string, string>(account.Capabilities);
        var complete = outcome == OnboardingOutcome.Complete;
        account.DetailsSubmitted = true;
        account.ChargesEnabled = complete;
        account.PayoutsEnabled = complete;
        account.CurrentlyDue = complete ? [] : [.. LeftDue];
        account.PastDue = complete ? [] : [.. LeftDue];
        account.DisabledReason = complete ? null : "requirements.past_due";
        var bankAccountBefore = account.BankAccountId;
        account.BankAccountId = complete ? account.BankAccountId ?? SandboxIds.New("ba") : null;
        account.TosAcceptedAt ??= transaction.UnixNow;
        account.TosAcceptedFrom ??= details.Ip ?? "127.0.0.1";
        account.TosUserAgent ??= details.UserAgent;
        account.BusinessProfile.Name = details.BusinessName ?? account.BusinessProfile.Name;
        account.BusinessProfile.Url = details.Website ?? account.BusinessProfile.Url;
        account.BusinessProfile.ProductDescription = details.ProductDescription ?? account.BusinessProfile.ProductDescription;
        account.BusinessProfile.Mcc ??= "5734";
        foreach (var capability in account.Capabilities.Keys.ToList())
        {
            account.Capabilities[capability] = complete ? "active" : "inactive";
        }

        transaction.Session.Store(account);
        var after = AccountObject.Render(account);
        if (account.BankAccountId is not null && account.BankAccountId != bankAccountBefore)
        {
            await transaction.EmitAsync("account.external_account.created", AccountObject.BankAccount(account), account.Id);
        }

        await transaction.EmitAsync("account.updated", after, account.Id, StripeJson.Changes(before, after) ?? new JsonObject());
        foreach (var (capability, status) in account.Capabilities.Where(c => statusesBefore[c.Key] != c.Value))
        {
            await transaction.EmitAsync("capability.updated", CapabilityObject.Render(account, capability), account.Id,
                new JsonObject { ["status"] = statusesBefore[capability] });
        }

        return after;
    }
}
