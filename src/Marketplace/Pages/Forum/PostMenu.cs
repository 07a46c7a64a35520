namespace Marketplace.Pages.Forum;

/// <summary>What a post's menu (_PostMenu) needs: whose post it is to the reader, and whether it is hidden.</summary>
public sealed record PostMenu(Guid ThreadId, Guid PostId, long Seq, string Body, bool CanEdit, bool IsModerator, bool Hidden);
