using System.ComponentModel.DataAnnotations;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Methodology;

namespace SoftTargets.Core.Domain.Plans;

public enum MeasureStatus
{
    NotStarted,
    InProgress,
    Implemented,
    NotApplicable,
}

/// <summary>
/// The tracked state of one measure at one site, keyed by the measure's stable key. It outlives plan
/// revisions, which is how status, owner, dates and evidence carry over when a plan is regenerated.
/// </summary>
public sealed class PlanMeasure : AuditableEntity
{
    private readonly List<Evidence> _evidence = [];

    private PlanMeasure() { }

    public PlanMeasure(Guid siteId, string measureKey, MeasurePriority priority, bool isApplicable)
    {
        SiteId = siteId;
        MeasureKey = measureKey;
        Priority = priority;
        IsApplicable = isApplicable;
    }

    public Guid SiteId { get; private set; }
    public string MeasureKey { get; private set; } = "";
    public bool IsApplicable { get; private set; }
    public MeasurePriority Priority { get; private set; }
    public MeasureStatus Status { get; private set; } = MeasureStatus.NotStarted;
    public string Owner { get; private set; } = "";
    public DateOnly? DueDate { get; private set; }
    /// <summary>How often the measure is reviewed; starts at the methodology's interval, the site may shorten or lengthen it.</summary>
    public int ReviewMonths { get; private set; } = 12;
    public DateOnly? NextReview { get; private set; }
    public string Justification { get; private set; } = "";
    public DateTimeOffset? StatusChangedAt { get; private set; }
    public string? StatusChangedBy { get; private set; }

    [Timestamp]
    public uint Version { get; private set; }

    public IReadOnlyList<Evidence> Evidence => _evidence;

    public void ChangeStatus(MeasureStatus status, string justification, string changedBy, DateTimeOffset at)
    {
        if (status == MeasureStatus.NotApplicable && string.IsNullOrWhiteSpace(justification))
            throw ValidationFailedException.For(nameof(Justification), "Say why this measure does not apply to the site.");
        Status = status;
        Justification = justification.Trim();
        StatusChangedBy = changedBy;
        StatusChangedAt = at;
    }

    public void Assign(string owner, DateOnly? dueDate, int reviewMonths, DateOnly? nextReview)
    {
        if (reviewMonths is < 1 or > 60)
            throw ValidationFailedException.For(nameof(ReviewMonths), "Enter a review interval from 1 to 60 months.");
        if ((owner ?? "").Trim().Length > 200)
            throw ValidationFailedException.For(nameof(Owner), "The owner can have at most 200 characters.");
        Owner = (owner ?? "").Trim();
        DueDate = dueDate;
        ReviewMonths = reviewMonths;
        NextReview = nextReview;
    }

    public void SetApplicability(bool isApplicable, MeasurePriority priority)
    {
        IsApplicable = isApplicable;
        Priority = priority;
    }

    public Evidence AddEvidence(string fileName, string contentType, byte[] content, DateOnly effectiveDate)
    {
        var evidence = new Evidence(Id, fileName, contentType, content, effectiveDate);
        _evidence.Add(evidence);
        return evidence;
    }
}
