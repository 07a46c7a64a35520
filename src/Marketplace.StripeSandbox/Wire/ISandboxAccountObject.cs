namespace Marketplace.StripeSandbox.Wire;

/// <summary>A sandbox object that belongs to one account: the platform's (<see cref="Account"/> null) or a connected one.</summary>
public interface ISandboxAccountObject
{
    string? Account { get; }
}
