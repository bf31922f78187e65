using System.Linq.Expressions;
using SoftTargets.Core.Data;
using SoftTargets.Core.Domain.Compliance;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Domain.Plans;
using SoftTargets.Core.Domain.Readiness;

namespace SoftTargets.Core.Features.Compliance;

/// <summary>
/// The compliance rules, each written once: which measures count and what they weigh, when a measure, a review or a
/// finding is overdue, which drills count for the last 12 months. The C# checks below are the rules; the LINQ
/// filters (<see cref="Where"/>) and the SQL fragments (<see cref="Sql"/>) are derived from them: every status or
/// priority a fragment lists is the set of enum values the C# check accepts, every weight is <see cref="Weight"/>.
/// The per-site counts kept in "SiteCompliance" are counted by <see cref="RecountFunction"/>, the function the
/// latest recount migration installed: a change here that changes that function needs a new migration
/// (<c>ComplianceRulesTests</c> fails until it exists).
/// </summary>
public static class ComplianceRules
{
    /// <summary>The weight of a measure priority in the score: essential 3, recommended 2, enhanced 1.</summary>
    public static int Weight(MeasurePriority priority) => priority switch
    {
        MeasurePriority.Essential => 3,
        MeasurePriority.Recommended => 2,
        MeasurePriority.Enhanced => 1,
        _ => throw new ArgumentOutOfRangeException(nameof(priority), priority, "A priority without a weight."),
    };

    /// <summary>Essential measures are also counted on their own (the share of essential measures implemented).</summary>
    public static bool IsEssential(MeasurePriority priority) => priority == MeasurePriority.Essential;

    /// <summary>
    /// A tracked measure is in the figures when the methodology applies it to the site in its latest plan
    /// (<see cref="PlanMeasure.IsApplicable"/>); it then counts in the score unless the site set it aside.
    /// </summary>
    public static bool IsCounted(MeasureStatus status) => !IsSetAside(status);

    /// <summary>Set aside by the site as not applicable (with a justification): shown on its own, not counted.</summary>
    public static bool IsSetAside(MeasureStatus status) => status == MeasureStatus.NotApplicable;

    /// <summary>Only an implemented measure earns its weight; any other state earns nothing.</summary>
    public static bool EarnsWeight(MeasureStatus status) => status == MeasureStatus.Implemented;

    /// <summary>Work still to do on the measure: neither implemented nor set aside.</summary>
    public static bool IsOpen(MeasureStatus status) => status is not (MeasureStatus.Implemented or MeasureStatus.NotApplicable);

    /// <summary>A finding is open until closed (an answered one still waits for the auditor).</summary>
    public static bool IsOpen(FindingStatus status) => status != FindingStatus.Closed;

    /// <summary>Dates are whole days: a date has passed from the day after it; due today is still on time.</summary>
    public static bool HasPassed(DateOnly? date, DateOnly today) => date < today;

    /// <summary>The measure is open and its due date has passed.</summary>
    public static bool IsOverdue(MeasureStatus status, DateOnly? dueDate, DateOnly today) => IsOpen(status) && HasPassed(dueDate, today);

    /// <summary>The next review date has passed, whatever the status: an implemented measure still needs checking.</summary>
    public static bool IsReviewOverdue(DateOnly? nextReview, DateOnly today) => HasPassed(nextReview, today);

    /// <summary>The finding is open and its due date has passed.</summary>
    public static bool IsOverdue(FindingStatus status, DateOnly dueDate, DateOnly today) => IsOpen(status) && HasPassed(dueDate, today);

    /// <summary>How far ahead a review counts as due soon on the venue manager's home page, today included.</summary>
    public const int ReviewWindowDays = 30;

    /// <summary>The next review falls within <see cref="ReviewWindowDays"/> days from today, today included.</summary>
    public static bool IsReviewDueSoon(DateOnly? nextReview, DateOnly today) =>
        nextReview >= today && nextReview <= today.AddDays(ReviewWindowDays);

    /// <summary>How far ahead an open measure counts as due soon for a reminder, today included.</summary>
    public const int MeasureDueSoonDays = 7;

    /// <summary>The measure is open and due within <see cref="MeasureDueSoonDays"/> days from today, today included.</summary>
    public static bool IsMeasureDueSoon(MeasureStatus status, DateOnly? dueDate, DateOnly today) =>
        IsOpen(status) && dueDate >= today && dueDate <= today.AddDays(MeasureDueSoonDays);

    /// <summary>The drill window's first day is excluded: a drill held exactly a year ago no longer counts.</summary>
    public static DateOnly DrillWindowOpensAfter(DateOnly today) => today.AddYears(-1);

    /// <summary>A finished drill held from the same day a year ago (excluded) to today (included).</summary>
    public static bool CountsAsRecentDrill(RunKind kind, bool finished, DateOnly heldOn, DateOnly today) =>
        kind == RunKind.Drill && finished && heldOn > DrillWindowOpensAfter(today) && heldOn <= today;

    /// <summary>
    /// A site needs a drill when it has never held one, or its last drill will no longer count as recent within
    /// <see cref="MeasureDueSoonDays"/> days (the same lead as a measure's due date).
    /// </summary>
    public static bool IsDrillDue(DateOnly? lastDrill, DateOnly today) =>
        lastDrill is not { } held || !CountsAsRecentDrill(RunKind.Drill, finished: true, held, today.AddDays(MeasureDueSoonDays));

    /// <summary>The first day the drill held on <paramref name="heldOn"/> no longer counts as recent.</summary>
    public static DateOnly DrillStopsCounting(DateOnly heldOn) => heldOn.AddYears(1);

    /// <summary>The enum values a check accepts, in declaration order: what the LINQ filters and SQL fragments list.</summary>
    public static IReadOnlyList<T> Accepted<T>(Func<T, bool> check) where T : struct, Enum => Enum.GetValues<T>().Where(check).ToList();

    /// <summary>The rules as LINQ filters EF Core translates, for the C# code paths that count in the database.</summary>
    public static class Where
    {
        /// <summary>Applicable measures that are open and past their due date.</summary>
        public static Expression<Func<PlanMeasure, bool>> MeasureIsOverdue(DateOnly today)
        {
            var day = new Day(today);
            return And(StatusIn<PlanMeasure, MeasureStatus>(m => m.Status, IsOpen), m => m.IsApplicable && m.DueDate < day.Value);
        }

        /// <summary>Applicable measures that are open and due within <see cref="MeasureDueSoonDays"/> days (see <see cref="IsMeasureDueSoon"/>).</summary>
        public static Expression<Func<PlanMeasure, bool>> MeasureIsDueSoon(DateOnly today)
        {
            var window = new Window(today, today.AddDays(MeasureDueSoonDays));
            return And(StatusIn<PlanMeasure, MeasureStatus>(m => m.Status, IsOpen), m => m.IsApplicable && m.DueDate >= window.From && m.DueDate <= window.To);
        }

        /// <summary>Applicable measures whose next review is within the window (see <see cref="IsReviewDueSoon"/>).</summary>
        public static Expression<Func<PlanMeasure, bool>> ReviewIsDueSoon(DateOnly today)
        {
            var window = new Window(today, today.AddDays(ReviewWindowDays));
            return m => m.IsApplicable && m.NextReview >= window.From && m.NextReview <= window.To;
        }

        public static Expression<Func<Finding, bool>> FindingIsOpen() => StatusIn<Finding, FindingStatus>(f => f.Status, IsOpen);

        public static Expression<Func<Finding, bool>> FindingIsOverdue(DateOnly today)
        {
            var day = new Day(today);
            return And(StatusIn<Finding, FindingStatus>(f => f.Status, IsOpen), f => f.DueDate < day.Value);
        }

        // Captured as members of an object, so EF Core sends the dates as parameters and reuses the query plan.
        private sealed record Day(DateOnly Value);

        private sealed record Window(DateOnly From, DateOnly To);

        /// <summary><c>status == a || status == b ...</c> over the values the check accepts.</summary>
        private static Expression<Func<TEntity, bool>> StatusIn<TEntity, TStatus>(Expression<Func<TEntity, TStatus>> status, Func<TStatus, bool> check)
            where TStatus : struct, Enum
        {
            var accepted = Accepted(check);
            Expression body = accepted.Count == 0 ? Expression.Constant(false) : accepted
                .Select(value => (Expression)Expression.Equal(status.Body, Expression.Constant(value, typeof(TStatus))))
                .Aggregate(Expression.OrElse);
            return Expression.Lambda<Func<TEntity, bool>>(body, status.Parameters);
        }

        private static Expression<Func<T, bool>> And<T>(Expression<Func<T, bool>> left, Expression<Func<T, bool>> right)
        {
            var parameter = left.Parameters[0];
            var rightBody = new Rebind(right.Parameters[0], parameter).Visit(right.Body);
            return Expression.Lambda<Func<T, bool>>(Expression.AndAlso(left.Body, rightBody), parameter);
        }

        private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
        {
            protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
        }
    }

    /// <summary>
    /// The rules as SQL conditions over a row of "PlanMeasures", "Findings" or "PlaybookRuns" named
    /// <c>row</c>, for the dashboards' statements and the recount function; <c>today</c> is any SQL
    /// expression of type date (a parameter such as <c>@today</c>, or a function argument).
    /// </summary>
    public static class Sql
    {
        /// <summary>The measure's weight, one WHEN per priority.</summary>
        public static string Weight(string row) =>
            $"CASE {row}.\"Priority\" {string.Join(" ", Enum.GetValues<MeasurePriority>().Select(p => $"WHEN {Literal(p)} THEN {ComplianceRules.Weight(p)}"))} END";

        public static string IsApplicable(string row) => $"{row}.\"IsApplicable\"";

        public static string IsEssential(string row) => In($"{row}.\"Priority\"", Accepted<MeasurePriority>(ComplianceRules.IsEssential));

        public static string IsCounted(string row) => In($"{row}.\"Status\"", Accepted<MeasureStatus>(ComplianceRules.IsCounted));

        public static string IsSetAside(string row) => In($"{row}.\"Status\"", Accepted<MeasureStatus>(ComplianceRules.IsSetAside));

        public static string EarnsWeight(string row) => In($"{row}.\"Status\"", Accepted<MeasureStatus>(ComplianceRules.EarnsWeight));

        public static string MeasureIsOverdue(string row, string today) =>
            $"{In($"{row}.\"Status\"", Accepted<MeasureStatus>(IsOpen))} AND {HasPassed($"{row}.\"DueDate\"", today)}";

        public static string ReviewIsOverdue(string row, string today) => HasPassed($"{row}.\"NextReview\"", today);

        public static string FindingIsOpen(string row) => In($"{row}.\"Status\"", Accepted<FindingStatus>(IsOpen));

        public static string FindingIsOverdue(string row, string today) => $"{FindingIsOpen(row)} AND {HasPassed($"{row}.\"DueDate\"", today)}";

        /// <summary>PostgreSQL's date minus one year agrees with <see cref="DateOnly.AddYears"/>: 29 February goes to 28 February.</summary>
        public static string IsRecentDrill(string row, string today) =>
            $"{row}.\"Kind\" = {Literal(RunKind.Drill)} AND {row}.\"FinishedAt\" IS NOT NULL " +
            $"AND {row}.\"HeldOn\" > ({today} - interval '1 year')::date AND {row}.\"HeldOn\" <= {today}";

        private static string HasPassed(string date, string today) => $"{date} < {today}";

        private static string In<T>(string column, IReadOnlyList<T> values) where T : struct, Enum => values.Count switch
        {
            0 => "false",
            1 => $"{column} = {Literal(values[0])}",
            _ => $"{column} IN ({string.Join(", ", values.Select(Literal))})",
        };

        /// <summary>Enums are stored by name.</summary>
        private static string Literal<T>(T value) where T : struct, Enum => $"'{value}'";
    }

    /// <summary>
    /// The statement (re)creating <c>refresh_site_compliance(sites, day)</c>, which the triggers call to recount
    /// "SiteCompliance" rows: ComplianceRecount.sql with the fragments of <see cref="Sql"/> (rows named x, the day
    /// the function's argument). A migration runs a frozen copy of it.
    /// </summary>
    public static string RecountFunction { get; } = SqlTemplate.Fill("ComplianceRecount.sql", new Dictionary<string, string>
    {
        ["weight"] = Sql.Weight("x"),
        ["applicable"] = Sql.IsApplicable("x"),
        ["counted"] = Sql.IsCounted("x"),
        ["earns_weight"] = Sql.EarnsWeight("x"),
        ["essential"] = Sql.IsEssential("x"),
        ["set_aside"] = Sql.IsSetAside("x"),
        ["measure_overdue"] = Sql.MeasureIsOverdue("x", "day"),
        ["review_overdue"] = Sql.ReviewIsOverdue("x", "day"),
        ["finding_open"] = Sql.FindingIsOpen("x"),
        ["finding_overdue"] = Sql.FindingIsOverdue("x", "day"),
        ["recent_drill"] = Sql.IsRecentDrill("x", "day"),
    });
}
