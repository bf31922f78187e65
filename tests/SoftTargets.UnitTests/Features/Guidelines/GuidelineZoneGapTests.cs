using SoftTargets.Core.Domain.Plans;
using SoftTargets.Core.Features.Guidelines;
using static SoftTargets.UnitTests.Features.Guidelines.GuidelineTestData;

namespace SoftTargets.UnitTests.Features.Guidelines;

public class GuidelineZoneGapTests
{
    private static readonly SiteSnapshot TwoZones = FullSite with
    {
        Zones =
        [
            new ZoneSnapshot("North stand", 400, 2, "Car park P2", "Room 4"),
            new ZoneSnapshot("South stand", 300, 2, "", " "),
        ],
    };

    [Fact]
    public void A_zone_missing_its_assembly_point_or_invacuation_room_is_a_gap_of_its_own()
    {
        var gaps = SmallGenerator.Generate(TwoZones).Gaps;

        Assert.Equal(
            [(GapKind.MissingZoneData, "zone.assemblyPoint@South stand"), (GapKind.MissingZoneData, "zone.invacuationRoom@South stand")],
            gaps.Select(g => (g.Kind, g.Subject)));
        Assert.Equal("Zone “South stand” has no assembly point: add its assembly point to the zone in the site profile.", gaps[0].Message.En);
        Assert.Equal("Zóna „South stand“ nemá shromaždiště: doplňte v profilu objektu u této zóny údaj shromaždiště.", gaps[0].Message.Cs);
        Assert.Equal("Zone “South stand” has no invacuation room: add its invacuation room to the zone in the site profile.", gaps[1].Message.En);
        Assert.Equal("Zóna „South stand“ nemá místnost pro ukrytí: doplňte v profilu objektu u této zóny údaj místnost pro ukrytí.", gaps[1].Message.Cs);
    }

    [Fact]
    public void The_zone_without_a_value_stays_in_the_list_with_a_marker()
    {
        var step = SmallGenerator.Generate(TwoZones).Playbooks.Single().Steps.Single(s => s.Key == "PB-FIREARMS-P1-03");

        Assert.EndsWith("\n• North stand – assembly point: Car park P2\n• South stand – assembly point: [assembly point missing]", step.Text.En);
        Assert.EndsWith("\n• North stand – shromaždiště: Car park P2\n• South stand – shromaždiště: [chybí shromaždiště]", step.Text.Cs);
    }

    [Fact]
    public void A_zone_value_no_step_uses_is_no_gap()
    {
        // The arson playbook uses assembly points only.
        var site = TwoZones with { Threats = [new ThreatSnapshot("arson", 2, 2, 1, 1)] };

        var gaps = SmallGenerator.Generate(site).Gaps;

        Assert.Contains(gaps, g => g.Subject == "zone.assemblyPoint@South stand");
        Assert.DoesNotContain(gaps, g => g.Subject.StartsWith("zone.invacuationRoom", StringComparison.Ordinal));
    }
}
