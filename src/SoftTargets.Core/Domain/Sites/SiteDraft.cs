using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Organizations;

namespace SoftTargets.Core.Domain.Sites;

/// <summary>
/// What the new-site wizard held when the venue manager saved it half-way. Nothing is checked: a
/// draft may be incomplete or wrong, and becomes a <see cref="Site"/> only when it is valid.
/// </summary>
public sealed record SiteDraftContent
{
    public string Name { get; init; } = "";

    /// <summary>The code of the methodology chosen for the site; null for the installation's default.</summary>
    public string? Methodology { get; init; }
    public string Address { get; init; } = "";
    public string? Region { get; init; }
    public string VenueTypeKey { get; init; } = "";
    public int? MaxOccupancy { get; init; }
    public int? DailyVisitors { get; init; }
    public string OpeningHours { get; init; } = "";
    public IReadOnlyList<string> Attributes { get; init; } = [];
    public IReadOnlyList<ZoneInput> Zones { get; init; } = [];
    public IReadOnlyList<ContactInput> Contacts { get; init; } = [];
}

public sealed class SiteDraft : AuditableEntity
{
    private SiteDraft() { }

    public SiteDraft(Guid organizationId, SiteDraftContent content)
    {
        OrganizationId = organizationId;
        Change(content);
    }

    public Guid OrganizationId { get; private set; }

    /// <summary>The name shown in the list of drafts; the site's name once entered.</summary>
    public string Title { get; private set; } = "";
    public SiteDraftContent Content { get; private set; } = new();

    public void Change(SiteDraftContent content)
    {
        Content = content;
        var name = content.Name.Trim();
        Title = name.Length > 200 ? name[..200] : name;
    }
}
