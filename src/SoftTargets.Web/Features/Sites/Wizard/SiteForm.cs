using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Organizations;
using SoftTargets.Core.Domain.Sites;
using SoftTargets.Core.Features.Sites;

namespace SoftTargets.Web.Features.Sites.Wizard;

/// <summary>What the site wizard edits: mutable for binding, convertible to a draft and to a setup for Core to check.</summary>
public sealed class SiteForm
{
    public string Name { get; set; } = "";

    /// <summary>The code of the methodology a new site follows; null for the installation's default.</summary>
    public string? Methodology { get; set; }
    public string Address { get; set; } = "";
    public string? Region { get; set; }
    public string VenueTypeKey { get; set; } = "";
    public int? MaxOccupancy { get; set; }
    public int? DailyVisitors { get; set; }
    public string OpeningHours { get; set; } = "";
    public HashSet<string> Attributes { get; set; } = [];
    public List<ZoneRow> Zones { get; set; } = [];
    public List<ContactRow> Contacts { get; set; } = [];

    public sealed class ZoneRow
    {
        public Guid? Id { get; set; }
        public string Name { get; set; } = "";
        public int? Capacity { get; set; }
        public int? Entrances { get; set; }
        public string AssemblyPoint { get; set; } = "";
        public string InvacuationRoom { get; set; } = "";
    }

    public sealed class ContactRow
    {
        public Guid? Id { get; set; }
        public string RoleKey { get; set; } = "";
        public string Name { get; set; } = "";
        public string Phone { get; set; } = "";
        public string Email { get; set; } = "";
        public bool IsDeputy { get; set; }
    }

    /// <summary>Empty numbers become values Core refuses, so the user is told to fill them in.</summary>
    public SiteSetup ToSetup() => new(
        new SiteProfile(Name, Address, Region ?? "", VenueTypeKey, MaxOccupancy ?? -1, DailyVisitors ?? -1, OpeningHours,
            Attributes.Order(StringComparer.Ordinal).ToList()) { Methodology = Methodology },
        Zones.Select(z => new ZoneInput(z.Id, z.Name, z.Capacity ?? -1, z.Entrances ?? -1, z.AssemblyPoint, z.InvacuationRoom)).ToList(),
        Contacts.Select(c => new ContactInput(c.Id, c.RoleKey, c.Name, c.Phone, c.Email, c.IsDeputy)).ToList());

    /// <summary>Problems Core found on saving that the form cannot see itself (a name the organisation already uses).</summary>
    public Dictionary<string, LocalizedText> Refused { get; } = [];

    public Dictionary<string, LocalizedText> Problems()
    {
        var problems = ToSetup().Problems();
        foreach (var (field, problem) in Refused) problems.TryAdd(field, problem);
        return problems;
    }

    public SiteDraftContent ToDraft()
    {
        var setup = ToSetup();
        return new SiteDraftContent
        {
            Name = Name, Methodology = Methodology, Address = Address, Region = Region, VenueTypeKey = VenueTypeKey, MaxOccupancy = MaxOccupancy,
            DailyVisitors = DailyVisitors, OpeningHours = OpeningHours, Attributes = setup.Profile.Attributes,
            // A draft keeps an empty number as -1 so it comes back empty, not as a valid 0.
            Zones = [.. Zones.Select(z => new ZoneInput(null, z.Name, z.Capacity ?? -1, z.Entrances ?? -1, z.AssemblyPoint, z.InvacuationRoom))],
            Contacts = setup.Contacts,
        };
    }

    public static SiteForm From(SiteDraftContent draft) => new()
    {
        Name = draft.Name, Methodology = draft.Methodology, Address = draft.Address, Region = draft.Region, VenueTypeKey = draft.VenueTypeKey,
        MaxOccupancy = draft.MaxOccupancy, DailyVisitors = draft.DailyVisitors, OpeningHours = draft.OpeningHours,
        Attributes = [.. draft.Attributes],
        Zones = [.. draft.Zones.Select(z => new ZoneRow { Name = z.Name, Capacity = Entered(z.Capacity), Entrances = Entered(z.Entrances), AssemblyPoint = z.AssemblyPoint, InvacuationRoom = z.InvacuationRoom })],
        Contacts = [.. draft.Contacts.Select(c => new ContactRow { RoleKey = c.RoleKey, Name = c.Name, Phone = c.Phone, Email = c.Email, IsDeputy = c.IsDeputy })],
    };

    /// <summary>Keeps only the venue type and attributes another methodology's catalogue also has.</summary>
    public void Keep(SiteCatalogues catalogues)
    {
        if (catalogues.VenueTypes.All(v => v.Key != VenueTypeKey)) VenueTypeKey = "";
        if (catalogues.Regions.All(r => r.Key != Region)) Region = null;
        Attributes.RemoveWhere(a => catalogues.Attributes.All(k => k.Key != a));
        foreach (var contact in Contacts.Where(c => catalogues.Roles.All(r => r.Key != c.RoleKey))) contact.RoleKey = "";
    }

    private static int? Entered(int value) => value < 0 ? null : value;

    public static SiteForm From(SiteDetails site) => new()
    {
        Name = site.Profile.Name, Methodology = site.Profile.Methodology, Address = site.Profile.Address, Region = site.Profile.Region, VenueTypeKey = site.Profile.VenueTypeKey,
        MaxOccupancy = site.Profile.MaxOccupancy, DailyVisitors = site.Profile.DailyVisitors, OpeningHours = site.Profile.OpeningHours,
        Attributes = [.. site.Profile.Attributes],
        Zones = [.. site.Zones.Select(z => new ZoneRow { Id = z.Id, Name = z.Name, Capacity = z.Capacity, Entrances = z.Entrances, AssemblyPoint = z.AssemblyPoint, InvacuationRoom = z.InvacuationRoom })],
        Contacts = [.. site.Contacts.Select(c => new ContactRow { Id = c.Id, RoleKey = c.RoleKey, Name = c.Name, Phone = c.Phone, Email = c.Email, IsDeputy = c.IsDeputy })],
    };
}
