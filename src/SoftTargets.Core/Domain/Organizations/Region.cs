namespace SoftTargets.Core.Domain.Organizations;

/// <summary>The fourteen regions (kraje) of the Czech Republic.</summary>
public enum Region
{
    Praha,
    Stredocesky,
    Jihocesky,
    Plzensky,
    Karlovarsky,
    Ustecky,
    Liberecky,
    Kralovehradecky,
    Pardubicky,
    Vysocina,
    Jihomoravsky,
    Olomoucky,
    Zlinsky,
    Moravskoslezsky,
}
