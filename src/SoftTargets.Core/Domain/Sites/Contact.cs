namespace SoftTargets.Core.Domain.Sites;

/// <summary>A person with a role in the site's plan. Personal data: never logged.</summary>
public sealed class Contact
{
    private Contact() { }

    internal Contact(Guid siteId, string roleKey, string name, string phone, string email, bool isDeputy)
    {
        SiteId = siteId;
        Change(roleKey, name, phone, email, isDeputy);
    }

    internal void Change(string roleKey, string name, string phone, string email, bool isDeputy)
    {
        RoleKey = roleKey;
        Name = name.Trim();
        Phone = (phone ?? "").Trim();
        Email = (email ?? "").Trim();
        IsDeputy = isDeputy;
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();
    public Guid SiteId { get; private set; }
    public string RoleKey { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string Phone { get; private set; } = "";
    public string Email { get; private set; } = "";
    public bool IsDeputy { get; private set; }
}
