using System.ComponentModel.DataAnnotations;
using SoftTargets.Core.Domain.Common;

namespace SoftTargets.Core.Domain.Events;

/// <summary>
/// An event on a site: a concert in a stadium, a fair on a square. For its days the site holds the event's
/// expected attendance and the attributes the event brings, so the methodology's rules may ask more of it
/// than of the venue on an ordinary day. Its guideline is generated on demand from the site and these facts.
/// </summary>
public sealed class SiteEvent : AuditableEntity
{
    private SiteEvent() { }

    public SiteEvent(Guid siteId, EventInput input)
    {
        SiteId = siteId;
        Apply(input);
    }

    public Guid SiteId { get; private set; }
    public string Name { get; private set; } = "";
    public DateOnly StartsOn { get; private set; }
    public DateOnly EndsOn { get; private set; }
    public int ExpectedAttendance { get; private set; }
    public EntryChecks EntryChecks { get; private set; }
    public string ResponsibleName { get; private set; } = "";
    public string ResponsiblePhone { get; private set; } = "";
    public string[] Attributes { get; private set; } = [];

    [Timestamp]
    public uint Version { get; private set; }

    public EventInput Input => new(Name, StartsOn, EndsOn, ExpectedAttendance, EntryChecks, ResponsibleName, ResponsiblePhone, Attributes);

    /// <summary>Takes a valid input; the catalogue check against the methodology is the service's.</summary>
    public void Apply(EventInput input)
    {
        input.EnsureValid();
        Name = input.Name.Trim();
        StartsOn = input.StartsOn;
        EndsOn = input.EndsOn;
        ExpectedAttendance = input.ExpectedAttendance;
        EntryChecks = input.EntryChecks;
        ResponsibleName = input.ResponsibleName.Trim();
        ResponsiblePhone = input.ResponsiblePhone.Trim();
        Attributes = input.Attributes.Distinct().Order(StringComparer.Ordinal).ToArray();
    }
}
