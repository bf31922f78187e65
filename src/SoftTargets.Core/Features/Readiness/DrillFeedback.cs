using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Hybrid;
using SoftTargets.Core.Data;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Domain.Readiness;
using SoftTargets.Core.Domain.Users;
using SoftTargets.Core.Features.Methodology;
using SoftTargets.Core.Security;

namespace SoftTargets.Core.Features.Readiness;

/// <summary>
/// How one playbook step fared in the finished drills of every site: in how many runs it was, how often it was
/// done in time, late or missed, the mean time to its tick (in time or late), and the improvement items raised
/// against it. Phase, procedure, target and text come from the current published methodology; a step it no
/// longer has keeps only its key.
/// </summary>
public sealed record StepFeedback(string Key, string PlaybookKey, IncidentPhase? Phase, Procedure? Procedure, int? TargetMinutes, LocalizedText? Text,
    int Runs, int Done, int Late, int Missed, double? MeanElapsedMinutes, int OpenItems, int Items)
{
    public decimal? DoneShare => Share(Done);
    public decimal? LateShare => Share(Late);
    public decimal? MissedShare => Share(Missed);

    /// <summary>Per cent of the runs that included the step, one decimal; null when no run did.</summary>
    private decimal? Share(int count) => Runs == 0 ? null : Math.Round(100m * count / Runs, 1);
}

/// <summary>The improvement items raised against one plan measure across every site, with its title from the current methodology.</summary>
public sealed record MeasureFeedback(string Key, LocalizedText? Title, int OpenItems, int Items);

public sealed record DrillFeedbackReport(IReadOnlyList<StepFeedback> Steps, IReadOnlyList<MeasureFeedback> Measures);

/// <summary>
/// Feedback to the methodology's authors from the drills run with it. Everything is counted by PostgreSQL in one
/// statement from counts kept per step key: nothing is loaded to be counted, and the time does not grow with the
/// drills held. Late is the outcome <see cref="StepTiming"/> gave, the same rule the runner and the review apply.
/// </summary>
public sealed class DrillFeedback(IDbContextFactory<SoftTargetsDbContext> dbFactory, ICurrentUser currentUser, HybridCache cache)
{
    public async Task<DrillFeedbackReport> GetAsync(CancellationToken ct = default)
    {
        var actor = await currentUser.GetAsync(ct);
        actor.Demand(actor.IsSystem || actor.IsIn(Roles.MethodologyEditor) || actor.IsIn(Roles.Auditor));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Database.SqlQueryRaw<FeedbackRow>(Sql).ToListAsync(ct);
        var steps = rows.Where(r => r.Measure == 0).ToList();
        var measures = rows.Where(r => r.Measure == 1).ToList();
        // Drills are not tied to one methodology: the texts of every methodology's newest published version, the oldest methodology first.
        var texts = MethodologyTexts.None;
        foreach (var choice in await db.PublishedChoicesAsync(ct))
        {
            var id = choice.VersionId;
            texts = texts.With(await cache.GetOrCreateAsync($"methodology-version:{id}:feedback-texts", (db, id),
                static (state, token) => LoadTextsAsync(state.db, state.id, token), cancellationToken: ct));
        }
        return Join(steps, measures, texts);
    }

    /// <summary>
    /// Folds the counts kept per step key into one row each (the triggers add a row of changes for every finished
    /// run); the snapshot schedule runs it hourly. Returns the number of step keys counted.
    /// </summary>
    public async Task<int> CompactAsync(CancellationToken ct = default)
    {
        (await currentUser.GetAsync(ct)).DemandSystem();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Database.SqlQueryRaw<int>("""SELECT compact_step_feedback() AS "Value" """).SingleAsync(ct);
    }

    /// <summary>
    /// One statement: per step key, the counts kept of every finished step ("StepFeedbackCounts", added to by
    /// triggers on "RunSteps" whatever writes them) less the steps of the few finished incidents, read through their
    /// runs; with the improvement items about each step (a full join: a step with items but no drill yet is listed
    /// too), then the items per measure key (Measure = 1). The outcomes are those <see cref="StepTiming"/> gave the
    /// steps when their runs finished.
    /// </summary>
    internal static readonly string Sql = $"""
        WITH counted AS (
            SELECT c."Key", c."Runs" AS runs, c."Done" AS done, c."Late" AS late, c."Missed" AS missed, c."ElapsedSeconds" AS elapsed, c."Timed" AS timed
            FROM "StepFeedbackCounts" c
            UNION ALL
            SELECT s."Key", -1, -(s."Outcome" = 'Done')::int, -(s."Outcome" = 'Late')::int, -(s."Outcome" = 'Missed')::int,
                   -coalesce(s."ElapsedSeconds", 0), -(s."ElapsedSeconds" IS NOT NULL)::int
            FROM "PlaybookRuns" r JOIN "RunSteps" s ON s."RunId" = r."Id"
            WHERE r."Kind" IN ({string.Join(", ", Enum.GetValues<RunKind>().Where(k => k != RunKind.Drill).Select(k => $"'{k}'"))}) AND s."Outcome" IS NOT NULL),
        figures AS (
            SELECT c."Key", sum(c.runs) AS runs, sum(c.done) AS done, sum(c.late) AS late, sum(c.missed) AS missed,
                   sum(c.elapsed)::numeric / nullif(sum(c.timed), 0) / 60.0 AS mean_minutes
            FROM counted c
            GROUP BY c."Key"
            HAVING sum(c.runs) > 0),
        items AS (
            SELECT i."StepKey" AS "Key", count(*) FILTER (WHERE i."Status" = 'Open') AS open, count(*) AS total
            FROM "ImprovementItems" i
            WHERE i."StepKey" IS NOT NULL
            GROUP BY i."StepKey")
        SELECT 0 AS "Measure", coalesce(f."Key", i."Key") AS "Key", coalesce(f.runs, 0)::int AS "Runs", coalesce(f.done, 0)::int AS "Done",
               coalesce(f.late, 0)::int AS "Late", coalesce(f.missed, 0)::int AS "Missed", f.mean_minutes::float8 AS "MeanElapsedMinutes",
               coalesce(i.open, 0)::int AS "OpenItems", coalesce(i.total, 0)::int AS "Items"
        FROM figures f FULL JOIN items i ON i."Key" = f."Key"
        UNION ALL
        SELECT 1, i."MeasureKey", 0, 0, 0, 0, NULL, count(*) FILTER (WHERE i."Status" = 'Open')::int, count(*)::int
        FROM "ImprovementItems" i
        WHERE i."MeasureKey" IS NOT NULL
        GROUP BY i."MeasureKey"
        """;

    /// <summary>
    /// Every drillable step (P1–P3) of the current methodology in its order, with its figures or none, then the
    /// steps it no longer has that were drilled or raised items; measures with items in the methodology's order.
    /// </summary>
    private static DrillFeedbackReport Join(IReadOnlyList<FeedbackRow> steps, IReadOnlyList<FeedbackRow> measures, MethodologyTexts texts)
    {
        var byKey = steps.ToDictionary(s => s.Key, StringComparer.Ordinal);
        var listed = new List<StepFeedback>();
        foreach (var step in texts.Steps)
        {
            var row = byKey.GetValueOrDefault(step.Key);
            if (row is null && !PlaybookRun.Covers(RunKind.Drill, step.Phase)) continue;
            byKey.Remove(step.Key);
            listed.Add(Feedback(step.Key, step, row));
        }
        listed.AddRange(byKey.Values.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => Feedback(r.Key, null, r)));

        var titles = texts.Measures;
        var measureList = measures
            .OrderBy(m => titles.TryGetValue(m.Key, out var known) ? known.Order : int.MaxValue).ThenBy(m => m.Key, StringComparer.Ordinal)
            .Select(m => new MeasureFeedback(m.Key, titles.GetValueOrDefault(m.Key)?.Title, m.OpenItems, m.Items))
            .ToList();
        return new DrillFeedbackReport(listed, measureList);
    }

    private static StepFeedback Feedback(string key, StepText? step, FeedbackRow? row) => new(key, step?.PlaybookKey ?? "", step?.Phase, step?.Procedure,
        step?.TargetMinutes, step?.Text, row?.Runs ?? 0, row?.Done ?? 0, row?.Late ?? 0, row?.Missed ?? 0,
        row?.MeanElapsedMinutes is { } minutes ? Math.Round(minutes, 1) : null, row?.OpenItems ?? 0, row?.Items ?? 0);

    private static async ValueTask<MethodologyTexts> LoadTextsAsync(SoftTargetsDbContext db, Guid id, CancellationToken ct)
    {
        var content = await db.MethodologyVersions.AsNoTracking().Where(v => v.Id == id).Select(v => v.Content).SingleAsync(ct);
        var steps = content.Playbooks.SelectMany(p => p.Steps.Select(s => new StepText(s.Key, p.Key, s.Phase, s.Procedure, s.TargetMinutes, s.Text))).ToList();
        var measures = content.Measures.Select((m, i) => (m.Key, Text: new MeasureText(i, m.Title)))
            .DistinctBy(m => m.Key).ToDictionary(m => m.Key, m => m.Text, StringComparer.Ordinal);
        return new MethodologyTexts(steps, measures);
    }

    /// <summary>The texts of a published version, which never changes: the cache hands out one instance without copying it.</summary>
    [ImmutableObject(true)]
    internal sealed record MethodologyTexts(IReadOnlyList<StepText> Steps, IReadOnlyDictionary<string, MeasureText> Measures)
    {
        public static readonly MethodologyTexts None = new([], new Dictionary<string, MeasureText>());

        /// <summary>These texts and then another methodology's, a key both know keeping the first text; the other's measures sort after these.</summary>
        public MethodologyTexts With(MethodologyTexts other)
        {
            if (Steps.Count == 0 && Measures.Count == 0) return other;
            var measures = new Dictionary<string, MeasureText>(Measures, StringComparer.Ordinal);
            var offset = Measures.Count == 0 ? 0 : Measures.Values.Max(m => m.Order) + 1;
            foreach (var (key, text) in other.Measures) measures.TryAdd(key, text with { Order = text.Order + offset });
            return new MethodologyTexts(Steps.Concat(other.Steps).DistinctBy(s => s.Key).ToList(), measures);
        }
    }

    [ImmutableObject(true)]
    internal sealed record StepText(string Key, string PlaybookKey, IncidentPhase Phase, Procedure Procedure, int? TargetMinutes, LocalizedText Text);

    [ImmutableObject(true)]
    internal sealed record MeasureText(int Order, LocalizedText Title);

    /// <summary>One row of the statement, named as its columns: a step's figures, or (Measure = 1) a measure's items.</summary>
    internal sealed record FeedbackRow(int Measure, string Key, int Runs, int Done, int Late, int Missed, double? MeanElapsedMinutes, int OpenItems, int Items);
}
