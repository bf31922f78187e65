using System.Text.RegularExpressions;
using SoftTargets.Core.Data;
using SoftTargets.Core.Data.Migrations;
using SoftTargets.Core.Domain.Compliance;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Domain.Plans;
using SoftTargets.Core.Domain.Readiness;
using SoftTargets.Core.Features.Compliance;
using SoftTargets.Core.Features.Dashboards;

namespace SoftTargets.UnitTests.Features.Compliance;

public sealed class ComplianceRulesTests
{
    private static readonly DateOnly Today = new(2026, 3, 15);

    [Theory]
    [InlineData(MeasureStatus.NotStarted)]
    [InlineData(MeasureStatus.InProgress)]
    public void An_open_measure_past_its_due_date_is_overdue(MeasureStatus status) =>
        Assert.True(ComplianceRules.IsOverdue(status, Today.AddDays(-1), Today));

    [Fact]
    public void A_measure_due_today_is_not_overdue_yet() =>
        Assert.False(ComplianceRules.IsOverdue(MeasureStatus.NotStarted, Today, Today));

    [Theory]
    [InlineData(MeasureStatus.Implemented)]
    [InlineData(MeasureStatus.NotApplicable)]
    public void A_finished_or_set_aside_measure_is_never_overdue(MeasureStatus status) =>
        Assert.False(ComplianceRules.IsOverdue(status, Today.AddYears(-1), Today));

    [Fact]
    public void A_measure_without_a_due_date_is_not_overdue() =>
        Assert.False(ComplianceRules.IsOverdue(MeasureStatus.NotStarted, null, Today));

    [Fact]
    public void A_review_is_overdue_the_day_after_its_date_whatever_the_status()
    {
        Assert.False(ComplianceRules.IsReviewOverdue(Today, Today));
        Assert.True(ComplianceRules.IsReviewOverdue(Today.AddDays(-1), Today));
        Assert.False(ComplianceRules.IsReviewOverdue(null, Today));
    }

    [Fact]
    public void A_review_is_due_soon_from_today_to_thirty_days_ahead()
    {
        Assert.False(ComplianceRules.IsReviewDueSoon(Today.AddDays(-1), Today));
        Assert.True(ComplianceRules.IsReviewDueSoon(Today, Today));
        Assert.True(ComplianceRules.IsReviewDueSoon(Today.AddDays(30), Today));
        Assert.False(ComplianceRules.IsReviewDueSoon(Today.AddDays(31), Today));
        Assert.False(ComplianceRules.IsReviewDueSoon(null, Today));
    }

    [Theory]
    [InlineData(FindingStatus.Open, -1, true)]
    [InlineData(FindingStatus.Answered, -1, true)]
    [InlineData(FindingStatus.Closed, -30, false)]
    [InlineData(FindingStatus.Open, 0, false)]
    public void A_finding_is_overdue_while_not_closed_after_its_due_date(FindingStatus status, int dueInDays, bool overdue) =>
        Assert.Equal(overdue, ComplianceRules.IsOverdue(status, Today.AddDays(dueInDays), Today));

    [Fact]
    public void Essential_weighs_three_recommended_two_enhanced_one_and_every_priority_has_a_weight()
    {
        Assert.Equal(3, ComplianceRules.Weight(MeasurePriority.Essential));
        Assert.Equal(2, ComplianceRules.Weight(MeasurePriority.Recommended));
        Assert.Equal(1, ComplianceRules.Weight(MeasurePriority.Enhanced));
        Assert.All(Enum.GetValues<MeasurePriority>(), p => Assert.InRange(ComplianceRules.Weight(p), 1, 3));
    }

    [Fact]
    public void Only_an_implemented_measure_earns_its_weight_and_only_a_set_aside_one_is_not_counted()
    {
        Assert.Equal([MeasureStatus.Implemented], ComplianceRules.Accepted<MeasureStatus>(ComplianceRules.EarnsWeight));
        Assert.Equal([MeasureStatus.NotApplicable], ComplianceRules.Accepted<MeasureStatus>(ComplianceRules.IsSetAside));
        Assert.Equal([MeasureStatus.NotStarted, MeasureStatus.InProgress, MeasureStatus.Implemented],
            ComplianceRules.Accepted<MeasureStatus>(ComplianceRules.IsCounted));
    }

    [Theory]
    [InlineData(-1, true)]
    [InlineData(0, true)]
    [InlineData(-364, true)]
    [InlineData(-365, false)]
    [InlineData(1, false)]
    public void A_finished_drill_counts_from_the_day_after_a_year_ago_to_today(int heldInDays, bool counts) =>
        Assert.Equal(counts, ComplianceRules.CountsAsRecentDrill(RunKind.Drill, finished: true, Today.AddDays(heldInDays), Today));

    [Fact]
    public void An_unfinished_drill_or_an_incident_never_counts_as_a_drill()
    {
        Assert.False(ComplianceRules.CountsAsRecentDrill(RunKind.Drill, finished: false, Today, Today));
        Assert.False(ComplianceRules.CountsAsRecentDrill(RunKind.Incident, finished: true, Today, Today));
    }

    [Fact]
    public void On_29_february_the_drill_window_opens_after_28_february_a_year_before_as_PostgreSQL_counts()
    {
        var leapDay = new DateOnly(2028, 2, 29);
        Assert.Equal(new DateOnly(2027, 2, 28), ComplianceRules.DrillWindowOpensAfter(leapDay));
        Assert.Contains("(day - interval '1 year')::date", ComplianceRules.Sql.IsRecentDrill("x", "day"));
    }

    [Fact]
    public void The_sql_conditions_list_exactly_the_values_the_checks_accept()
    {
        Assert.Equal("""CASE x."Priority" WHEN 'Essential' THEN 3 WHEN 'Recommended' THEN 2 WHEN 'Enhanced' THEN 1 END""", ComplianceRules.Sql.Weight("x"));
        Assert.Equal("""x."Status" IN ('NotStarted', 'InProgress') AND x."DueDate" < @today""", ComplianceRules.Sql.MeasureIsOverdue("x", "@today"));
        Assert.Equal("""x."NextReview" < day""", ComplianceRules.Sql.ReviewIsOverdue("x", "day"));
        Assert.Equal("""f."Status" IN ('Open', 'Answered') AND f."DueDate" < day""", ComplianceRules.Sql.FindingIsOverdue("f", "day"));
        Assert.Equal("""x."Status" IN ('NotStarted', 'InProgress', 'Implemented')""", ComplianceRules.Sql.IsCounted("x"));
        Assert.Equal("""x."Status" = 'Implemented'""", ComplianceRules.Sql.EarnsWeight("x"));
        Assert.Equal("""x."Priority" = 'Essential'""", ComplianceRules.Sql.IsEssential("x"));
        Assert.Equal("""d."Kind" = 'Drill' AND d."FinishedAt" IS NOT NULL AND d."HeldOn" > (@today - interval '1 year')::date AND d."HeldOn" <= @today""",
            ComplianceRules.Sql.IsRecentDrill("d", "@today"));
    }

    [Fact]
    public void The_linq_filters_agree_with_the_checks_for_every_status_and_date()
    {
        var overdue = ComplianceRules.Where.MeasureIsOverdue(Today).Compile();
        var dueSoon = ComplianceRules.Where.ReviewIsDueSoon(Today).Compile();
        var findingOverdue = ComplianceRules.Where.FindingIsOverdue(Today).Compile();
        var findingOpen = ComplianceRules.Where.FindingIsOpen().Compile();
        DateOnly?[] dates = [null, Today.AddDays(-1), Today, Today.AddDays(30), Today.AddDays(31)];
        foreach (var status in Enum.GetValues<MeasureStatus>())
        foreach (var date in dates)
        {
            var measure = new PlanMeasure(Guid.NewGuid(), "M-1", MeasurePriority.Essential, isApplicable: true);
            measure.ChangeStatus(status, "Does not apply.", "test", DateTimeOffset.UnixEpoch);
            measure.Assign("owner", date, 12, date);
            Assert.Equal(ComplianceRules.IsOverdue(status, date, Today), overdue(measure));
            Assert.Equal(ComplianceRules.IsReviewDueSoon(date, Today), dueSoon(measure));
        }
        var inapplicable = new PlanMeasure(Guid.NewGuid(), "M-2", MeasurePriority.Essential, isApplicable: false);
        inapplicable.Assign("owner", Today.AddDays(-1), 12, Today);
        Assert.False(overdue(inapplicable));
        Assert.False(dueSoon(inapplicable));
        foreach (var status in Enum.GetValues<FindingStatus>())
        foreach (var days in new[] { -1, 0 })
        {
            var finding = new Finding(Guid.NewGuid(), null, "auditor", FindingSeverity.Low, "Title", "Text", Today.AddDays(days));
            if (status != FindingStatus.Open) finding.Respond("Answer.", DateTimeOffset.UnixEpoch);
            if (status == FindingStatus.Closed) finding.Close("", DateTimeOffset.UnixEpoch);
            Assert.Equal(status, finding.Status);
            Assert.Equal(ComplianceRules.IsOverdue(status, finding.DueDate, Today), findingOverdue(finding));
            Assert.Equal(ComplianceRules.IsOpen(status), findingOpen(finding));
        }
    }

    [Fact]
    public void The_latest_migration_recreating_the_recount_installed_the_function_the_rules_produce_today()
    {
        var assembly = typeof(SoftTargetsDbContext).Assembly;
        var (name, installed) = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("SoftTargets.Migrations.", StringComparison.Ordinal) && n.EndsWith(".up.sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => n["SoftTargets.Migrations.".Length..])
            .Select(n => (Name: n, Function: RecountFunctionIn(MigrationSql.Read(n))))
            .Last(m => m.Function is not null);

        Assert.True(installed == ComplianceRules.RecountFunction.TrimEnd(),
            $"The compliance rules now count differently from refresh_site_compliance as {name} installed it, so databases would " +
            $"keep the old counts. Add a migration (SQL only) that runs this statement, copied as it is:\n{ComplianceRules.RecountFunction}");
    }

    /// <summary>The statement of a migration script that (re)creates the recount function, or null.</summary>
    private static string? RecountFunctionIn(string script)
    {
        var match = Regex.Match(script, @"CREATE (OR REPLACE )?FUNCTION refresh_site_compliance\(.*?\n(END )?\$\$;", RegexOptions.Singleline);
        return match.Success ? match.Value : null;
    }

    [Fact]
    public void A_placeholder_nothing_fills_or_a_fragment_nothing_asks_for_is_refused()
    {
        Assert.Throws<InvalidOperationException>(() => SqlTemplate.Fill("ComplianceDashboard.Totals.sql", new Dictionary<string, string>()));
        Assert.Throws<InvalidOperationException>(() => SqlTemplate.Fill("ComplianceDashboard.Totals.sql",
            new Dictionary<string, string> { ["sums"] = "1", ["other"] = "2" }));
    }

    [Fact]
    public void The_dashboard_statements_are_filled_and_pass_values_only_as_named_parameters()
    {
        string[] statements =
        [
            ComplianceDashboard.Statements.Totals, ComplianceDashboard.Statements.Overview, ComplianceDashboard.Statements.SitesPage,
            ComplianceDashboard.Statements.Risk, ComplianceDashboard.Statements.CountryRisk, ComplianceDashboard.Statements.Trend,
            ComplianceDashboard.Statements.Snapshot,
        ];
        Assert.All(statements, s => Assert.DoesNotContain("{{", s));
        Assert.All(statements, s => Assert.DoesNotMatch(@"\{\d+\}", s));
        Assert.Contains(ComplianceRules.Sql.MeasureIsOverdue("m", "@today"), ComplianceDashboard.Statements.Overview);
    }
}
