using System.Text.RegularExpressions;
using SoftTargets.Core.Domain.Common;

namespace SoftTargets.Core.Domain.Sites;

/// <summary>A zone as the user entered it; <see cref="Id"/> is null for a new zone.</summary>
public sealed record ZoneInput(Guid? Id, string Name, int Capacity, int Entrances, string AssemblyPoint, string InvacuationRoom);

/// <summary>A contact as the user entered it; <see cref="Id"/> is null for a new contact.</summary>
public sealed record ContactInput(Guid? Id, string RoleKey, string Name, string Phone, string Email, bool IsDeputy);

/// <summary>Everything the site wizard collects: the profile, the zones and the contacts.</summary>
public sealed partial record SiteSetup(SiteProfile Profile, IReadOnlyList<ZoneInput> Zones, IReadOnlyList<ContactInput> Contacts)
{
    /// <summary>
    /// Each invalid field with what to do about it. Keys name the field: <c>Name</c>, <c>Zones[0].Capacity</c>,
    /// <c>Contacts[2].Email</c>.
    /// </summary>
    public Dictionary<string, LocalizedText> Problems()
    {
        var problems = Profile.Problems();
        var zoneNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Zones.Count; i++)
        {
            var zone = Zones[i];
            var at = $"Zones[{i}].";
            if (string.IsNullOrWhiteSpace(zone.Name)) problems[at + "Name"] = SiteMessages.ZoneNameRequired;
            else if (zone.Name.Trim().Length > 200) problems[at + "Name"] = SiteMessages.NameTooLong;
            else if (!zoneNames.Add(zone.Name.Trim())) problems[at + "Name"] = SiteMessages.ZoneNameDuplicate;
            if (zone.Capacity is < 0 or > 1_000_000) problems[at + "Capacity"] = SiteMessages.ZoneCapacityRange;
            if (zone.Entrances is < 0 or > 1_000) problems[at + "Entrances"] = SiteMessages.ZoneEntrancesRange;
            if ((zone.AssemblyPoint ?? "").Trim().Length > 500) problems[at + "AssemblyPoint"] = SiteMessages.ZoneTextTooLong;
            if ((zone.InvacuationRoom ?? "").Trim().Length > 500) problems[at + "InvacuationRoom"] = SiteMessages.ZoneTextTooLong;
        }

        var mainRoles = Contacts.Where(c => !c.IsDeputy).Select(c => c.RoleKey).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < Contacts.Count; i++)
        {
            var contact = Contacts[i];
            var at = $"Contacts[{i}].";
            var (phone, email) = ((contact.Phone ?? "").Trim(), (contact.Email ?? "").Trim());
            if (string.IsNullOrWhiteSpace(contact.RoleKey)) problems[at + "RoleKey"] = SiteMessages.ContactRoleRequired;
            else if (contact.IsDeputy && !mainRoles.Contains(contact.RoleKey)) problems[at + "IsDeputy"] = SiteMessages.DeputyWithoutMain;
            if (string.IsNullOrWhiteSpace(contact.Name)) problems[at + "Name"] = SiteMessages.ContactNameRequired;
            else if (contact.Name.Trim().Length > 200) problems[at + "Name"] = SiteMessages.ContactTooLong;
            if (phone.Length == 0 && email.Length == 0) problems[at + "Phone"] = SiteMessages.ContactReachable;
            if (phone.Length > 0 && (phone.Length > 50 || !PhonePattern().IsMatch(phone))) problems[at + "Phone"] = SiteMessages.ContactPhone;
            if (email.Length > 0 && (email.Length > 256 || !EmailPattern().IsMatch(email))) problems[at + "Email"] = SiteMessages.ContactEmail;
        }
        return problems;
    }

    public void EnsureValid()
    {
        var problems = Problems();
        if (problems.Count > 0)
            throw new ValidationFailedException(problems.ToDictionary(p => p.Key, p => new[] { p.Value.En }));
    }

    [GeneratedRegex(@"^\+?[0-9][0-9 ]{2,}$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();
}
