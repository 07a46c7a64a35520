using FluentValidation;
using Marketplace.Infrastructure.Web;

namespace Marketplace.Features.Orders;

/// <summary>
/// What an admin sends to change a fee (the default or a shop's): the fee, and the <c>version</c> of it they last
/// read, so that of two admins saving at once the second is told (409) instead of overwriting unseen.
/// </summary>
public sealed record FeeChange(int? BasisPoints, long? Fixed, long? Version)
{
    public const int MaxBasisPoints = 5_000;
    public const long MaxFixed = 10_000;

    public FeeSettings Fee => new() { BasisPoints = BasisPoints ?? 0, Fixed = Fixed ?? 0 };

    public sealed class Validator : AbstractValidator<FeeChange>
    {
        public Validator()
        {
            RuleFor(r => r.BasisPoints).NotNull().WithMessage("Give the percentage in basis points (1000 = 10%).")
                .InclusiveBetween(0, MaxBasisPoints).WithMessage($"Basis points go from 0 to {MaxBasisPoints} (50%).");
            RuleFor(r => r.Fixed).NotNull().WithMessage("Give the fixed part in minor units (cents); 0 for none.")
                .InclusiveBetween(0, MaxFixed).WithMessage($"The fixed part goes from 0 to {MaxFixed} minor units.");
            RuleFor(r => r.Version).NotNull().WithMessage("Send the version you read, so a change made meanwhile is not overwritten.")
                .GreaterThanOrEqualTo(0).WithMessage("A version is 0 or more.");
        }
    }
}

/// <summary>A fee as the admin API shows it: the fee and the version a change must name.</summary>
public sealed record FeeView(int BasisPoints, long Fixed, long Version)
{
    public static FeeView Of(FeeSettings fee, long version) => new(fee.BasisPoints, fee.Fixed, version);
}

public static class FeeProblems
{
    public static IResult Stale(long current) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict, type: ProblemTypes.Conflict, title: "The fee changed meanwhile.",
        detail: "Another admin saved it since you read it; reload, check their change and save again.",
        extensions: new Dictionary<string, object?> { ["currentVersion"] = current });

    /// <summary>A fee for the audit log's before and after; null when there is none (no override).</summary>
    public static Dictionary<string, string?> Snapshot(FeeSettings? fee) => new()
    {
        ["basisPoints"] = fee?.BasisPoints.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["fixed"] = fee?.Fixed.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
