namespace Marketplace.StripeSandbox.Wire;

/// <summary>
/// A sandbox document a <c>GET /v1/...</c> list pages through (<see cref="StripeList"/>): newest first by
/// <see cref="CreatedAt"/>, then by id. <see cref="Created"/> is the <c>created</c> the object shows (Unix seconds);
/// <see cref="SandboxCreationStamp"/> sets <see cref="CreatedAt"/> within that second when the document is first saved.
/// </summary>
public interface ISandboxListed : ISandboxAccountObject
{
    string Id { get; }

    long Created { get; }

    DateTimeOffset CreatedAt { get; set; }
}
