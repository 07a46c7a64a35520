using System.Text.Json.Nodes;
using Marketplace.StripeSandbox.Wire;

namespace Marketplace.StripeSandbox.Payments;

/// <summary>
/// <c>POST /v1/disputes/{id}</c> (<c>evidence[...]</c>, <c>metadata</c>, <c>submit</c>, default true): keeps the
/// evidence (<c>charge.dispute.updated</c>); submitted, the dispute is <c>under_review</c>, and Stripe's test evidence
/// decides it: <c>uncategorized_text</c> <c>winning_evidence</c> wins it, <c>losing_evidence</c> loses it (closed in the
/// same transaction, its events after the update's). <c>POST /v1/disputes/{id}/close</c> accepts the dispute: lost, <c>charge.dispute.closed</c>.
/// </summary>
public static class DisputeEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapStripePost("/disputes/{id}", UpdateAsync).Emulates(["evidence", "metadata", "submit"],
            "charge.dispute.updated", "charge.dispute.closed", "charge.dispute.funds_reinstated");
        api.MapStripePost("/disputes/{id}/close", CloseAsync).Emulates([], "charge.dispute.closed");
    }

    public static async Task<JsonObject> UpdateAsync(SandboxApiRequest request)
    {
        var dispute = await OpenDisputeAsync(request);
        var form = request.Form;
        var before = dispute.Render();
        foreach (var field in form.Keys("evidence"))
        {
            if (form.String("evidence", field) is { } value)
            {
                StripeForm.ApplyMetadata(dispute.Evidence, new Dictionary<string, string> { [field] = value });
            }
        }

        StripeForm.ApplyMetadata(dispute.Metadata, form.Metadata());
        bool? won = null;
        if (form.Bool("submit") != false && dispute.Evidence.Count > 0)
        {
            dispute.Status = "under_review";
            dispute.SubmissionCount++;
            var text = dispute.Evidence.GetValueOrDefault("uncategorized_text") ?? "";
            won = text.Contains("winning_evidence", StringComparison.Ordinal) ? true
                : text.Contains("losing_evidence", StringComparison.Ordinal) ? false
                : null;
        }

        request.Transaction.Session.Store(dispute);
        var after = dispute.Render();
        await request.Transaction.EmitAsync("charge.dispute.updated", after, null, StripeJson.Changes(before, after));
        if (won is { } decided)
        {
            // Stripe's test evidence decides the review: closed in this same transaction, its events after the update's,
            // so the decision cannot be lost to a race with another call; the answer is the submitted dispute, as Stripe's is.
            await SandboxDisputes.CloseAsync(request.Transaction, dispute, decided, request.Http.RequestAborted);
        }

        return after;
    }

    public static async Task<JsonObject> CloseAsync(SandboxApiRequest request)
    {
        var dispute = await OpenDisputeAsync(request);
        await SandboxDisputes.CloseAsync(request.Transaction, dispute, won: false, request.Http.RequestAborted);
        return dispute.Render();
    }

    private static async Task<SandboxDispute> OpenDisputeAsync(SandboxApiRequest request)
    {
        var id = request.Route("id");
        var dispute = request.StripeAccount is null ? await request.Transaction.Session.LoadAsync<SandboxDispute>(id, request.Http.RequestAborted) : null;
        if (dispute is null)
        {
            throw StripeApiException.NoSuch("dispute", id);
        }

        return dispute.IsClosed
            ? throw new StripeApiException(StatusCodes.Status400BadRequest, $"This dispute is already closed ({dispute.Status}); it cannot be changed.")
            : dispute;
    }
}
