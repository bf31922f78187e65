namespace SoftTargets.Core.Domain.Sites;

public sealed class Zone
{
    private Zone() { }

    internal Zone(Guid siteId, string name, int capacity, int entrances, string assemblyPoint, string invacuationRoom)
    {
        SiteId = siteId;
        Change(name, capacity, entrances, assemblyPoint, invacuationRoom);
    }

    internal void Change(string name, int capacity, int entrances, string assemblyPoint, string invacuationRoom)
    {
        Name = name.Trim();
        Capacity = capacity;
        Entrances = entrances;
        AssemblyPoint = (assemblyPoint ?? "").Trim();
        InvacuationRoom = (invacuationRoom ?? "").Trim();
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();
    public Guid SiteId { get; private set; }
    public string Name { get; private set; } = "";
    public int Capacity { get; private set; }
    public int Entrances { get; private set; }
    public string AssemblyPoint { get; private set; } = "";
    public string InvacuationRoom { get; private set; } = "";
}
