using Marten;
using Microsoft.AspNetCore.Identity;
using Wolverine;
using Wolverine.Runtime;

namespace Marketplace.Features.Accounts;

/// <summary>
/// How a Wolverine handler writes through <see cref="UserManager{TUser}"/> and still commits the account and its messages
/// in one transaction. Identity's writes commit at once: the <see cref="UserStore"/> saves the session it was built with,
/// and inside a handler Wolverine builds the store over its own outbox-enrolled session (docs/architecture.md). So the
/// messages are published first and ride in that commit. A write can fail before it saves (Identity's validators found
/// the email taken) or in the save: either way its messages, and whatever else waits in the session, are dropped, so
/// that nothing leaves with the handler's final commit.
/// </summary>
public static class IdentityWrites
{
    public static async Task<IdentityResult> CommitWithAsync(
        this IMessageContext context, IDocumentSession session, Func<Task<IdentityResult>> write, params object[] messages)
    {
        foreach (var message in messages)
        {
            await context.PublishAsync(message);
        }

        var result = await write();
        if (!result.Succeeded)
        {
            session.EjectAllPendingChanges(); // the messages' envelopes wait in the session until a save
            if (context is MessageContext concrete)
            {
                await concrete.ClearAllAsync(); // and in the context until a flush
            }
        }

        return result;
    }
}
