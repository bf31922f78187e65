using System.ComponentModel.DataAnnotations;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Organizations;
using SoftTargets.Core.Domain.Threats;

namespace SoftTargets.Core.Domain.Sites;

/// <summary>
/// A venue an operator is responsible for. Zones, contacts, threat scenarios and self-assessment
/// answers are parts of this aggregate and change only through it.
/// </summary>
public sealed class Site : AuditableEntity
{
    private readonly List<Zone> _zones = [];
    private readonly List<Contact> _contacts = [];
    private readonly List<ThreatScenario> _threats = [];
    private readonly List<SelfAssessmentAnswer> _answers = [];

    private Site() { }

    /// <param name="methodologyId">The methodology the site follows: its newest published version gives the site's catalogues and plans.</param>
    public Site(Guid organizationId, Guid methodologyId, SiteProfile profile)
    {
        if (methodologyId == Guid.Empty)
            throw ValidationFailedException.For(nameof(MethodologyId), "Choose the methodology the site follows.");
        OrganizationId = organizationId;
        MethodologyId = methodologyId;
        Apply(profile);
    }

    public Guid OrganizationId { get; private set; }

    /// <summary>The methodology the site follows; publishing another methodology never moves it.</summary>
    public Guid MethodologyId { get; private set; }
    public string Name { get; private set; } = "";
    public string Address { get; private set; } = "";
    public string Region { get; private set; } = "";
    public string VenueTypeKey { get; private set; } = "";
    public int MaxOccupancy { get; private set; }
    public int DailyVisitors { get; private set; }
    public string OpeningHours { get; private set; } = "";
    public string[] Attributes { get; private set; } = [];

    [Timestamp]
    public uint Version { get; private set; }

    public IReadOnlyList<Zone> Zones => _zones;
    public IReadOnlyList<Contact> Contacts => _contacts;
    public IReadOnlyList<ThreatScenario> Threats => _threats;
    public IReadOnlyList<SelfAssessmentAnswer> Answers => _answers;

    public SiteProfile Profile => new(Name, Address, Region, VenueTypeKey, MaxOccupancy, DailyVisitors, OpeningHours, Attributes);

    public void Apply(SiteProfile profile)
    {
        var errors = profile.Validate();
        if (errors.Count > 0) throw new ValidationFailedException(errors);
        Name = profile.Name.Trim();
        Address = profile.Address.Trim();
        Region = profile.Region.Trim();
        VenueTypeKey = profile.VenueTypeKey;
        MaxOccupancy = profile.MaxOccupancy;
        DailyVisitors = profile.DailyVisitors;
        OpeningHours = (profile.OpeningHours ?? "").Trim();
        Attributes = profile.Attributes.Distinct().Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>Takes the profile, zones and contacts of a valid setup; parts are matched by id, so unchanged ones keep theirs.</summary>
    public void Apply(SiteSetup setup)
    {
        setup.EnsureValid();
        Apply(setup.Profile);
        Replace(_zones, setup.Zones, z => z.Id, i => i.Id,
            i => new Zone(Id, i.Name, i.Capacity, i.Entrances, i.AssemblyPoint, i.InvacuationRoom),
            (z, i) => z.Change(i.Name, i.Capacity, i.Entrances, i.AssemblyPoint, i.InvacuationRoom));
        Replace(_contacts, setup.Contacts, c => c.Id, i => i.Id,
            i => new Contact(Id, i.RoleKey, i.Name, i.Phone, i.Email, i.IsDeputy),
            (c, i) => c.Change(i.RoleKey, i.Name, i.Phone, i.Email, i.IsDeputy));
    }

    private static void Replace<TPart, TInput>(List<TPart> parts, IReadOnlyList<TInput> inputs, Func<TPart, Guid> partId,
        Func<TInput, Guid?> inputId, Func<TInput, TPart> create, Action<TPart, TInput> change)
    {
        var kept = inputs.Select(inputId).OfType<Guid>().ToHashSet();
        parts.RemoveAll(p => !kept.Contains(partId(p)));
        foreach (var input in inputs)
        {
            var existing = inputId(input) is { } id ? parts.FirstOrDefault(p => partId(p) == id) : default;
            if (existing is null) parts.Add(create(input));
            else change(existing, input);
        }
    }

    public Zone AddZone(string name, int capacity, int entrances, string assemblyPoint, string invacuationRoom)
    {
        var zone = new Zone(Id, name, capacity, entrances, assemblyPoint, invacuationRoom);
        _zones.Add(zone);
        return zone;
    }

    public Contact AddContact(string roleKey, string name, string phone, string email, bool isDeputy)
    {
        var contact = new Contact(Id, roleKey, name, phone, email, isDeputy);
        _contacts.Add(contact);
        return contact;
    }

    public void RemoveContact(Guid contactId) => _contacts.RemoveAll(c => c.Id == contactId);

    public void RemoveZone(Guid zoneId) => _zones.RemoveAll(z => z.Id == zoneId);

    /// <summary>Adds or replaces the assessment of one threat type.</summary>
    public ThreatScenario AssessThreat(string threatKey, RiskRating inherent, RiskRating residual, string rationale)
    {
        _threats.RemoveAll(t => t.ThreatKey == threatKey);
        var scenario = new ThreatScenario(Id, threatKey, inherent, residual, rationale);
        _threats.Add(scenario);
        return scenario;
    }

    /// <summary>Drops the assessment of one threat type; nothing happens when it was not assessed.</summary>
    public void RemoveThreat(string threatKey) => _threats.RemoveAll(t => t.ThreatKey == threatKey);

    public void Answer(string questionKey, int level)
    {
        if (level is < 1 or > 5)
            throw ValidationFailedException.For(nameof(SelfAssessmentAnswer.Level), "Choose a level from 1 to 5.");
        var existing = _answers.FirstOrDefault(a => a.QuestionKey == questionKey);
        if (existing is null) _answers.Add(new SelfAssessmentAnswer(Id, questionKey, level));
        else existing.Change(level);
    }
}
