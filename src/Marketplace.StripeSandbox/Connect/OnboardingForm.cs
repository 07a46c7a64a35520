using Marketplace.StripeSandbox.Pages;

namespace Marketplace.StripeSandbox.Connect;

/// <summary>The onboarding form, prefilled with the values Stripe documents for test mode.</summary>
public static class OnboardingForm
{
    public static string Render(SandboxAccountLink link, SandboxAccount account)
    {
        var profile = account.BusinessProfile;
        var heading = profile.Name ?? account.Email ?? account.Id;
        return $"""
            <header class="sbx-header">
              <p class="sbx-eyebrow">Stripe Express</p>
              <h1>Set up payouts for {SandboxPage.Encode(heading)}</h1>
              <p class="sbx-muted">Account <code>{SandboxPage.Encode(account.Id)}</code></p>
              <p class="sbx-muted">Test data is filled in. Submit to finish onboarding, or leave requirements due to see a restricted account.</p>
            </header>
            <form method="post" action="/stripe-sandbox/connect/onboarding/{SandboxPage.Encode(link.Id)}" class="sbx-form">
              <fieldset>
                <legend>Business</legend>
                {Input("business_name", "Business name", profile.Name ?? "Sandbox Test Shop")}
                {Input("website", "Business website", profile.Url ?? "https://accessible.stripe.com", "url")}
                {Input("product_description", "What you sell", profile.ProductDescription ?? "Digital downloads")}
              </fieldset>
              <fieldset>
                <legend>Personal details</legend>
                <div class="sbx-row">
                  {Input("first_name", "First name", "Jenny")}
                  {Input("last_name", "Last name", "Rosen")}
                </div>
                {Input("email", "Email", account.Email ?? "jenny.rosen@example.com", "email")}
                <div class="sbx-row">
                  {Input("dob", "Date of birth", "1901-01-01", "date")}
                  {Input("phone", "Phone", "000 000 0000", "tel")}
                </div>
                {Input("line1", "Address", "address_full_match")}
                <div class="sbx-row">
                  {Input("city", "City", "San Francisco")}
                  {Input("state", "State", "CA")}
                  {Input("postal_code", "ZIP code", "94103")}
                </div>
                {Input("ssn_last_4", "Last 4 digits of SSN", "0000")}
              </fieldset>
              <fieldset>
                <legend>Payout bank account</legend>
                <div class="sbx-row">
                  {Input("routing_number", "Routing number", "110000000")}
                  {Input("account_number", "Account number", "000123456789")}
                </div>
              </fieldset>
              <div class="sbx-actions">
                <button type="submit" name="outcome" value="complete" class="sbx-button">Submit</button>
                <button type="submit" name="outcome" value="requirements_due" class="sbx-button sbx-secondary">Leave requirements due</button>
              </div>
            </form>
            """;
    }

    private static string Input(string name, string label, string value, string type = "text") => $"""
        <p class="sbx-field"><label for="{name}">{SandboxPage.Encode(label)}</label><input id="{name}" name="{name}" type="{type}" value="{SandboxPage.Encode(value)}" maxlength="200"></p>
        """;
}
