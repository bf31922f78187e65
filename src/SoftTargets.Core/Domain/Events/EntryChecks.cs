namespace SoftTargets.Core.Domain.Events;

/// <summary>How visitors are checked at the entrances of an event, from none to full screening.</summary>
public enum EntryChecks
{
    /// <summary>Tickets at most: nobody's bags or person are checked.</summary>
    None,

    /// <summary>Bags are looked into at the entrances.</summary>
    BagChecks,

    /// <summary>Every visitor and bag is screened (frisk or metal detector).</summary>
    FullScreening,
}
