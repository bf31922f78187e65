namespace SoftTargets.Core.Features.Assessment;

/// <summary>
/// How well a set of self-assessment questions is answered: the average chosen level of the answered ones, shown
/// as 0 % (all at level 1, very low protection) to 100 % (all at level 5). Unanswered questions do not count as
/// zero; they are reported as unanswered.
/// </summary>
public sealed record AssessmentScore(int Answered, int Total, double? AverageLevel)
{
    public static AssessmentScore Empty { get; } = new(0, 0, null);

    public int Unanswered => Total - Answered;

    /// <summary>(average − 1) / 4 × 100, rounded half away from zero; null while nothing is answered.</summary>
    public int? Percent => AverageLevel is { } average
        ? (int)Math.Round((average - 1) / 4 * 100, MidpointRounding.AwayFromZero)
        : null;

    /// <summary>The score of questions whose answers are given; null is an unanswered question. Levels outside 1 to 5 are not answers.</summary>
    public static AssessmentScore Of(IEnumerable<int?> answers)
    {
        var (answered, total, sum) = (0, 0, 0);
        foreach (var answer in answers)
        {
            total++;
            if (answer is not { } level || level is < 1 or > 5)
                continue;
            answered++;
            sum += level;
        }
        return new AssessmentScore(answered, total, answered == 0 ? null : (double)sum / answered);
    }
}
