namespace Marketplace.Pages.Forum;

/// <summary>What the Like block of a post shows (<c>_LikeForm</c>): the count, and the button when the reader may like it.</summary>
public sealed record LikeFormView(Guid PostId, long Seq, int Likes, bool CanLike, bool Liked);
