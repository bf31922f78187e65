using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Features.Guidelines;

namespace SoftTargets.Core.Features.Assessment;

/// <summary>The questions of one measure category (its key and the methodology's name for it), with their score.</summary>
public sealed record QuestionCategory(string Category, AssessmentScore Score, IReadOnlyList<QuestionView> Questions, LocalizedText Name);

/// <summary>One question with its five levels, the site's answer (null: unanswered) and the measures that answer calls for.</summary>
public sealed record QuestionView(string Key, LocalizedText Text, IReadOnlyList<LevelView> Levels, int? Answer, IReadOnlyList<CalledMeasureView> Calls);

public sealed record LevelView(int Level, LocalizedText Text);

/// <summary>A measure a chosen level calls for: whether the methodology applies it to the site now, and whether the site's plan tracks it.</summary>
public sealed record CalledMeasureView(string Key, LocalizedText Title, bool Applies, bool InPlan);

/// <summary>The self-assessment questionnaire as one site sees it. Pure: the same methodology, site and plan give the same sheet.</summary>
public static class SelfAssessmentSheet
{
    /// <summary>Categories in the methodology's order, each with its questions in the methodology's order; the overall score counts every question once.</summary>
    /// <param name="planMeasures">Keys of the measures the site's plan tracks as applicable.</param>
    public static (IReadOnlyList<QuestionCategory> Categories, AssessmentScore Overall) Build(
        MethodologyDocument methodology, SiteSnapshot site, IReadOnlySet<string> planMeasures)
    {
        var guideline = new GuidelineGenerator(methodology, "self-assessment").Generate(site);
        var applies = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var measure in guideline.Measures)
            applies.TryAdd(measure.Key, measure.Applies);
        var titles = new Dictionary<string, LocalizedText>(StringComparer.Ordinal);
        foreach (var measure in methodology.Measures)
            titles.TryAdd(measure.Key, measure.Title);

        var questions = methodology.Questions.DistinctBy(q => q.Key).Select(question =>
        {
            int? answer = site.Answers.TryGetValue(question.Key, out var level) ? level : null;
            var calls = question.Levels.FirstOrDefault(l => l.Level == answer)?.Calls ?? [];
            return (question.Category, View: new QuestionView(question.Key, question.Text,
                question.Levels.OrderBy(l => l.Level).Select(l => new LevelView(l.Level, l.Text)).ToList(), answer,
                calls.Distinct(StringComparer.Ordinal).Select(key => new CalledMeasureView(key, titles.GetValueOrDefault(key) ?? new(key, key),
                    applies.GetValueOrDefault(key), planMeasures.Contains(key))).ToList()));
        }).ToList();

        var names = CatalogueNames.Of(methodology);
        var categories = questions.GroupBy(q => q.Category).OrderBy(g => names.CategoryOrder(g.Key)).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new QuestionCategory(g.Key, AssessmentScore.Of(g.Select(q => q.View.Answer)), g.Select(q => q.View).ToList(), names.Category(g.Key)))
            .ToList();
        return (categories, AssessmentScore.Of(questions.Select(q => q.View.Answer)));
    }

    /// <summary>Each problem with the answers, in English and Czech; empty when they can be saved.</summary>
    public static Dictionary<string, LocalizedText> Problems(IReadOnlyDictionary<string, int> answers, MethodologyDocument? methodology)
    {
        var known = methodology?.Questions.Select(q => q.Key).ToHashSet(StringComparer.Ordinal) ?? [];
        var problems = new Dictionary<string, LocalizedText>();
        var unknown = answers.Keys.Where(k => !known.Contains(k)).Order(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0) problems["Questions"] = AssessmentMessages.UnknownQuestion(unknown);
        if (answers.Values.Any(level => level is < 1 or > 5)) problems["Levels"] = AssessmentMessages.LevelRange;
        return problems;
    }
}
