using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Features.Guidelines;
using static SoftTargets.UnitTests.Features.Guidelines.GuidelineTestData;

namespace SoftTargets.UnitTests.Features.Guidelines;

/// <summary>The seeded crowd-crush threat: its playbook through every phase, and the crowd measure it calls for.</summary>
public sealed class GuidelineCrowdCrushTests
{
    private static readonly SiteSnapshot Festival = Site("open-air-event", 8000) with { Threats = [new ThreatSnapshot("crowd-crush", 4, 5, 3, 4)] };

    [Fact]
    public void Assessing_a_crowd_crush_gives_its_playbook_from_preparedness_to_the_return_to_routine_with_all_four_procedures()
    {
        var playbook = Assert.Single(SeededGenerator.Generate(Festival).Playbooks);

        Assert.Equal(("PB-CROWD-CRUSH", "Crowd crush or panic", "Tlačenice nebo panika v davu", 20),
            (playbook.Key, playbook.ThreatName.En, playbook.ThreatName.Cs, playbook.InherentRisk));
        Assert.Equal(Enum.GetValues<IncidentPhase>(), playbook.Steps.Select(s => s.Phase).Distinct().Order());
        Assert.Equal(Enum.GetValues<Procedure>(), playbook.Steps.Select(s => s.Procedure).Distinct().Order());
        Assert.All(playbook.Steps.Where(s => s.Phase is IncidentPhase.P1 or IncidentPhase.P2), s => Assert.NotNull(s.TargetMinutes));
        Assert.All(playbook.Steps, s => Assert.False(string.IsNullOrWhiteSpace(s.Text.Cs)));
        Assert.Contains(playbook.Steps, s => s.Role == "event-organiser" && s.RoleName.Cs == "Pořadatel akce");
    }

    [Fact]
    public void A_crowd_crush_calls_for_the_crowd_density_measure_with_the_organiser_responsible()
    {
        var measure = SeededGenerator.Generate(Festival).Measures.Single(m => m.Key == "RES-15");

        Assert.True(measure.Applies);
        Assert.Equal("event-organiser", measure.Role);
        Assert.Equal("Applies because Crowd crush or panic is assessed at risk 20.", measure.Reason.En);
        Assert.Equal("Platí, protože hrozba Tlačenice nebo panika v davu je posouzena s rizikem 20.", measure.Reason.Cs);
    }
}
