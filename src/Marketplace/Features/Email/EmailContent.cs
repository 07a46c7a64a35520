namespace Marketplace.Features.Email;

/// <summary>A rendered mail: its subject, the plain-text twin and the HTML.</summary>
public sealed record EmailContent(string Subject, string Text, string Html)
{
    /// <summary>The <see cref="SendEmail"/> message that delivers this content to <paramref name="to"/>, under a new message id.</summary>
    public SendEmail ToMessage(string to) => new(Guid.CreateVersion7(), to, Subject, Text, Html);
}

/// <summary>The one button of a mail: what it says and the absolute http(s) address it opens.</summary>
public sealed record EmailCallToAction(string Text, string Url);

/// <summary>One entry of a mail's list of links (a digest's notifications): what it says, where it leads, and a line under it.</summary>
public sealed record EmailListItem(string Text, string Url, string? Detail = null);
