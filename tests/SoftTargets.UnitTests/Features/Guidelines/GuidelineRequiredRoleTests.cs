using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Domain.Plans;
using SoftTargets.Core.Features.Guidelines;
using SoftTargets.Core.Features.Methodology;
using SoftTargets.Core.Features.Methodology.Library;
using static SoftTargets.UnitTests.Features.Guidelines.GuidelineTestData;
using static SoftTargets.UnitTests.Features.Methodology.Rules.RuleSyntax;

namespace SoftTargets.UnitTests.Features.Guidelines;

/// <summary>The gap check covers every role the methodology marks as required, not only the roles of the four procedures.</summary>
public sealed class GuidelineRequiredRoleTests
{
    // The small methodology plus a role every site needs and one only schools need; neither has a playbook step.
    private static readonly MethodologyDocument WithRequiredRoles = Small with
    {
        Roles =
        [
            .. Small.Roles,
            new("site-owner", new("Site owner", "Vlastník objektu")) { Required = true },
            new("head-teacher", new("Head teacher", "Ředitel školy")) { RequiredWhen = VenueTypeIn("school") },
        ],
    };

    private static readonly GuidelineGenerator Generator = new(WithRequiredRoles, "required-v1");

    private static List<GuidelineGap> RoleGaps(Guideline guideline) => guideline.Gaps.Where(g => g.Kind == GapKind.MissingRequiredRole).ToList();

    [Fact]
    public void A_required_role_without_a_contact_is_a_gap_even_though_no_procedure_uses_it()
    {
        var gap = Assert.Single(RoleGaps(Generator.Generate(FullSite)));

        Assert.Equal("site-owner", gap.Subject);
        Assert.Equal("Nobody holds the role Site owner, which the methodology requires of this site: add a contact for it (not marked as deputy).", gap.Message.En);
        Assert.Equal("Roli Vlastník objektu nikdo nezastává, ačkoli ji metodika po tomto objektu vyžaduje: doplňte pro ni kontakt (neoznačený jako zástupce).", gap.Message.Cs);
    }

    [Fact]
    public void A_role_required_by_a_rule_is_a_gap_only_where_the_rule_holds()
    {
        var school = FullSite with { VenueTypeKey = "school" };

        Assert.Equal(["head-teacher", "site-owner"], RoleGaps(Generator.Generate(school)).Select(g => g.Subject));
        Assert.Equal(["site-owner"], RoleGaps(Generator.Generate(FullSite)).Select(g => g.Subject));
    }

    [Fact]
    public void A_named_contact_closes_the_gap_and_a_deputy_alone_does_not()
    {
        var deputyOnly = FullSite with { Contacts = [.. FullSite.Contacts, new ContactSnapshot("site-owner", "Eva Malá", "+420 601 000 009", "eva@example.cz", true)] };
        var named = FullSite with { Contacts = [.. FullSite.Contacts, new ContactSnapshot("site-owner", "Eva Malá", "+420 601 000 009", "eva@example.cz", false)] };

        Assert.Single(RoleGaps(Generator.Generate(deputyOnly)));
        Assert.Empty(Generator.Generate(named).Gaps);
    }

    [Fact]
    public void Required_role_gaps_come_with_the_people_gaps_before_deputies_and_data()
    {
        var gaps = Generator.Generate(FullSite with { Contacts = [] }).Gaps;

        var kinds = gaps.Select(g => g.Kind).ToList();
        Assert.True(kinds.IndexOf(GapKind.MissingRequiredRole) < kinds.IndexOf(GapKind.NoDeputy));
        Assert.True(kinds.LastIndexOf(GapKind.NoAccountablePerson) < kinds.IndexOf(GapKind.NoDeputy));
    }

    [Theory]
    [InlineData("school", 650, "head-teacher")]
    [InlineData("restaurant-bar", 120, "shop-owner")]
    [InlineData("open-air-event", 150, "event-organiser")]
    public void The_seeded_methodology_requires_the_roles_a_school_a_small_shop_and_an_event_actually_have(string venueType, int occupancy, string role)
    {
        var gaps = RoleGaps(SeededGenerator.Generate(Site(venueType, occupancy)));

        Assert.Contains(role, gaps.Select(g => g.Subject));
    }

    [Fact]
    public void The_seeded_methodology_asks_a_small_shop_for_its_owner_not_for_a_security_lead_or_a_senior_individual()
    {
        var small = RoleGaps(SeededGenerator.Generate(Site("restaurant-bar", 120))).Select(g => g.Subject).ToList();
        var enhanced = RoleGaps(SeededGenerator.Generate(Site("stadium", 15_000))).Select(g => g.Subject).ToList();

        Assert.Equal(["shop-owner"], small);
        Assert.Equal(["designated-senior-individual", "security-lead"], enhanced);
    }

    [Fact]
    public void A_required_role_reads_and_writes_in_the_library_file_and_false_is_not_written()
    {
        var seed = MethodologyLibrary.ReadSeed();
        var file = seed with { Roles = [.. seed.Roles.Select(r => r.Key == "duty-manager" ? r with { Required = true } : r)] };

        var yaml = LibraryFormat.WriteYaml(file);
        var (again, errors) = LibraryFormat.Read(yaml);

        Assert.Empty(errors);
        Assert.True(again!.Roles.Single(r => r.Key == "duty-manager").Required);
        Assert.False(again.Roles.Single(r => r.Key == "head-teacher").Required);
        Assert.Equal(["school"], again.Roles.Single(r => r.Key == "head-teacher").RequiredWhen!.VenueTypeIn!);
        Assert.Equal(1, System.Text.RegularExpressions.Regex.Count(yaml, "required:"));
        Assert.Contains("requiredWhen", yaml);
    }

    [Fact]
    public void The_validator_checks_a_required_role_s_rule_and_refuses_required_on_other_catalogues()
    {
        var document = WithRequiredRoles with
        {
            Roles = [.. Small.Roles, new("head-teacher", new("Head teacher", "Ředitel školy")) { RequiredWhen = VenueTypeIn("college") }],
            VenueTypes = [.. Small.VenueTypes.Take(2), Small.VenueTypes[2] with { Required = true }],
        };

        var problems = MethodologyValidator.Validate(document);

        Assert.Contains(problems, p => p.Path == "$.roles[2].requiredWhen.venueTypeIn[0]" && p.Message.En == "Unknown venue type 'college'.");
        Assert.Contains(problems, p => p.Path == "$.venueTypes[2].required" && p.Message.En.StartsWith("Only roles can be required", StringComparison.Ordinal));
    }
}
