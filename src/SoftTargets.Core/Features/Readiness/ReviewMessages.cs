using SoftTargets.Core.Domain.Common;

namespace SoftTargets.Core.Features.Readiness;

/// <summary>What a person is told when an improvement item refuses an input, in both languages.</summary>
public static class ReviewMessages
{
    public static readonly LocalizedText MeasureNotInPlan = new(
        "Choose a measure of the site's plan, or none.",
        "Vyberte opatření z plánu objektu, nebo žádné.");
    public static readonly LocalizedText StepNotInRun = new(
        "Choose a step of this run, or none.",
        "Vyberte krok tohoto cvičení či incidentu, nebo žádný.");
    public static readonly LocalizedText FindingNotOpen = new(
        "Choose an open finding of this site: a closed finding can no longer be answered.",
        "Vyberte otevřené zjištění tohoto objektu: uzavřené zjištění už nelze zodpovědět.");

    public static IEnumerable<LocalizedText> All => [MeasureNotInPlan, StepNotInRun, FindingNotOpen];
}
