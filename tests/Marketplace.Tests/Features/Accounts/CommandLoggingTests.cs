using Marketplace.Features.Accounts;

namespace Marketplace.Tests.Features.Accounts;

/// <summary>Wolverine logs the message of a failed invocation (its <c>ToString</c>): a command never shows a password.</summary>
public sealed class CommandLoggingTests
{
    private const string Secret = "correct horse battery staple";

    [Fact]
    public void Commands_carrying_a_password_leave_it_out_of_their_text()
    {
        new Register.Command("ada@example.com", Secret, "Ada", "https://marketplace.test").ToString().ShouldNotContain(Secret);
        new DeleteAccount.Command(Guid.CreateVersion7(), Secret).ToString().ShouldNotContain(Secret);
    }
}
