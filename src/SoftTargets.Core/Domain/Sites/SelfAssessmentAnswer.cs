namespace SoftTargets.Core.Domain.Sites;

/// <summary>The chosen level (1 very low to 5 very high protection) for one self-assessment question.</summary>
public sealed class SelfAssessmentAnswer
{
    private SelfAssessmentAnswer() { }

    internal SelfAssessmentAnswer(Guid siteId, string questionKey, int level)
    {
        SiteId = siteId;
        QuestionKey = questionKey;
        Level = level;
    }

    public Guid SiteId { get; private set; }
    public string QuestionKey { get; private set; } = "";
    public int Level { get; private set; }

    internal void Change(int level) => Level = level;
}
