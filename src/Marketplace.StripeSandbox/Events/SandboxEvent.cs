using System.Text.Json.Nodes;
using Marketplace.StripeSandbox.Wire;

namespace Marketplace.StripeSandbox.Events;

/// <summary>
/// A Stripe event the sandbox emitted: the exact JSON it delivers (and signs), and every delivery attempt made.
/// <see cref="Account"/> is set for events of connected accounts, which are signed with the Connect secret.
/// </summary>
public sealed class SandboxEvent : ISandboxListed
{
    public string Id { get; set; } = "";
    public string Type { get; set; } = "";
    public string? Account { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The event's <c>created</c>.</summary>
    public long Created => CreatedAt.ToUnixTimeSeconds();

    public string Payload { get; set; } = "";

    /// <summary>How many concurrent copies each delivery round sends (the duplicate fault), fixed at the first round.</summary>
    public int Copies { get; set; } = 1;

    /// <summary>How many first rounds count as failed whatever the endpoint answers (the fail-first fault).</summary>
    public int FailFirst { get; set; }

    public List<DeliveryAttempt> Attempts { get; set; } = [];
    public DateTimeOffset? DeliveredAt { get; set; }
    public DateTimeOffset? GaveUpAt { get; set; }

    [Marten.Schema.Version]
    public Guid Version { get; set; }

    public static SandboxEvent Create(
        string type, string? account, JsonObject dataObject, JsonObject? previousAttributes, string? requestId, string? idempotencyKey, DateTimeOffset at,
        string apiVersion)
    {
        var id = SandboxIds.New("evt");
        var data = new JsonObject { ["object"] = dataObject.DeepClone() };
        if (previousAttributes is not null)
        {
            data["previous_attributes"] = previousAttributes.DeepClone();
        }

        var payload = new JsonObject { ["id"] = id, ["object"] = "event" };
        if (account is not null)
        {
            payload["account"] = account;
        }

        payload["api_version"] = apiVersion;
        payload["created"] = at.ToUnixTimeSeconds();
        payload["data"] = data;
        payload["livemode"] = false;
        payload["pending_webhooks"] = 1;
        payload["request"] = new JsonObject { ["id"] = requestId, ["idempotency_key"] = idempotencyKey };
        payload["type"] = type;
        return new SandboxEvent { Id = id, Type = type, Account = account, CreatedAt = at, Payload = payload.ToJsonString() };
    }

    /// <summary>The event as <c>GET /v1/events/{id}</c> shows it: <c>pending_webhooks</c> is 0 once delivered or abandoned.</summary>
    public JsonObject Render()
    {
        var json = StripeJson.Parse(Payload);
        json["pending_webhooks"] = DeliveredAt is null && GaveUpAt is null ? 1 : 0;
        return json;
    }
}

/// <summary>
/// One POST of an event to the webhook endpoint. <see cref="Discarded"/>: the fail-first fault treated the answer as
/// lost. <see cref="Signature"/> is the <c>Stripe-Signature</c> header sent.
/// </summary>
public sealed record DeliveryAttempt(int Round, int Copy, DateTimeOffset At, int? StatusCode, string? Error, string Signature, bool Discarded = false)
{
    public bool Succeeded => !Discarded && StatusCode is >= 200 and < 300;
}

/// <summary>Delivers round <see cref="Round"/> of an event; <see cref="FaultsApplied"/> once the delay or reorder faults had their say.</summary>
public sealed record DeliverSandboxEvent(string EventId, int Round = 1, bool FaultsApplied = false);
