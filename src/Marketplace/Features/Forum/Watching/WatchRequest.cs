using FluentValidation;

namespace Marketplace.Features.Forum.Watching;

/// <summary>The body of both watch endpoints (thread and category): <c>{level}</c>.</summary>
public sealed record WatchRequest(string Level)
{
    public sealed class Validator : AbstractValidator<WatchRequest>
    {
        public Validator() => RuleFor(x => x.Level).NotEmpty().Must(WatchLevels.IsName).WithMessage($"Choose {WatchLevels.ValidNames}.");
    }
}
