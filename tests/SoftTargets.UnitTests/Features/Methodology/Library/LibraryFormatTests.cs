using System.Text.Json;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Features.Methodology.Library;

namespace SoftTargets.UnitTests.Features.Methodology.Library;

public sealed class LibraryFormatTests
{
    // Line numbers below refer to this text: keep its shape when editing.
    private const string Valid = """
        methodology: test-method
        version: 3
        title: { en: "Test", cs: "Test" }
        roles: [ { key: security-lead, name: { en: "Security lead", cs: "Vedoucí bezpečnosti" } } ]
        venueTypes: [ { key: stadium, name: { en: "Stadium", cs: "Stadion" } } ]
        threatTypes: [ { key: firearms, name: { en: "Firearms", cs: "Střelba" } } ]
        attributes: [ { key: outdoor-queues, name: { en: "Outdoor queues", cs: "Fronty venku" } } ]
        tiers:
          - key: enhanced
            name: { en: "Enhanced", cs: "Rozšířená" }
            when: { occupancy: { gte: 800 } }
        measures:
          - key: ACC-01
            category: accessControl
            priority: essential
            role: security-lead
            reviewMonths: 12
            title: { en: "Lock entrances", cs: "Zamykat vstupy" }
            guidance: { en: "Keep **keys** ready.", cs: "Mít **klíče** po ruce." }
            evidence: { en: "A list", cs: "Seznam" }
            appliesWhen: { any: [ { attribute: outdoor-queues }, { venueTypeIn: [stadium] } ] }
          - key: GOV-01
            category: governance
            priority: enhanced
            role: security-lead
            reviewMonths: 24
            title: { en: "Plan", cs: "Plán" }
            guidance: { en: "Write it.", cs: "Sepsat." }
            evidence: { en: "The plan", cs: "Plán" }
            appliesWhen: { all: [ { tierIn: [enhanced] }, { not: { threat: { type: firearms, riskAtLeast: 12 } } } ] }
        questions:
          - key: Q-ACC-01
            category: accessControl
            text: { en: "How fast?", cs: "Jak rychle?" }
            levels:
              - { level: 1, text: { en: "Never", cs: "Nikdy" }, calls: [ACC-01] }
              - { level: 2, text: { en: "Slowly", cs: "Pomalu" }, calls: [ACC-01] }
              - { level: 3, text: { en: "Minutes", cs: "Minuty" }, calls: [] }
              - { level: 4, text: { en: "Fast", cs: "Rychle" }, calls: [] }
              - { level: 5, text: { en: "At once", cs: "Hned" }, calls: [] }
        playbooks:
          - key: PB-FIREARMS
            threat: firearms
            steps:
              - { key: PB-FIREARMS-P1-01, phase: P1, procedure: lockdown, role: security-lead, targetMinutes: 2, text: { en: "Lock {site.name}", cs: "Zamknout {site.name}" } }
              - { key: PB-FIREARMS-P1-02, phase: P1, procedure: invacuation, role: security-lead, targetMinutes: 3, text: { en: "Hide in {zone.invacuationRoom}", cs: "Ukrýt v {zone.invacuationRoom}" } }
              - { key: PB-FIREARMS-P2-01, phase: P2, procedure: evacuation, role: security-lead, targetMinutes: 15, text: { en: "Go to {zone.assemblyPoint}", cs: "Jít na {zone.assemblyPoint}" } }
              - { key: PB-FIREARMS-P3-01, phase: P3, procedure: communication, role: security-lead, text: { en: "Call {contact.security-lead.phone}", cs: "Volat {contact.security-lead.phone}" } }
        regions: [ { key: Praha, name: { en: "Prague", cs: "Hlavní město Praha" } }, { key: Jihomoravsky, name: { en: "South Moravian", cs: "Jihomoravský kraj" } } ]
        measureCategories: [ { key: Governance, name: { en: "Governance", cs: "Řízení" } }, { key: AccessControl, name: { en: "Access control", cs: "Kontrola vstupu" } }, { key: Response, name: { en: "Response", cs: "Reakce" } } ]
        """;

    [Fact]
    public void A_valid_file_is_read_into_the_typed_document()
    {
        var (file, errors) = LibraryFormat.Read(Valid);

        Assert.Empty(errors);
        Assert.NotNull(file);
        Assert.Equal("test-method", file.Methodology);
        Assert.Equal(3, file.Version);
        var measure = file.Measures[0];
        Assert.Equal("accessControl", measure.Category);
        Assert.Equal("AccessControl", file.ToDocument().Measures[0].Category);
        Assert.Equal(MeasurePriority.Essential, measure.Priority);
        Assert.Equal("outdoor-queues", measure.AppliesWhen!.Any![0].Attribute);
        Assert.Equal(["stadium"], measure.AppliesWhen.Any[1].VenueTypeIn!);
        Assert.Equal(12, file.Measures[1].AppliesWhen!.All![1].Not!.Threat!.RiskAtLeast);
        Assert.Equal(800, file.Tiers[0].When.Occupancy!.Gte);
        Assert.Equal(IncidentPhase.P1, file.Playbooks[0].Steps[0].Phase);
        Assert.Equal(Procedure.Invacuation, file.Playbooks[0].Steps[1].Procedure);
        Assert.Null(file.Playbooks[0].Steps[3].TargetMinutes);
        Assert.Equal("Zamykat vstupy", measure.Title.Cs);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Writing_and_reading_again_gives_the_same_document(bool yaml)
    {
        var original = LibraryFormat.Read(Valid).File!;

        var text = yaml ? LibraryFormat.WriteYaml(original) : LibraryFormat.WriteJson(original);
        var (again, errors) = LibraryFormat.Read(text);

        Assert.Empty(errors);
        Assert.Equal(Json(original), Json(again!));
        Assert.Equal(text, yaml ? LibraryFormat.WriteYaml(again!) : LibraryFormat.WriteJson(again!));
    }

    [Fact]
    public void Exported_yaml_writes_enums_and_phases_as_the_format_documents_them()
    {
        var yaml = LibraryFormat.WriteYaml(LibraryFormat.Read(Valid).File!);

        Assert.Contains("category: accessControl", yaml);
        Assert.Contains("phase: P1", yaml);
        Assert.Contains("procedure: lockdown", yaml);
        Assert.StartsWith("methodology: test-method", yaml);
    }

    [Fact]
    public void Text_that_is_not_yaml_is_refused_with_its_line()
    {
        var broken = Valid.Replace("    priority: essential", "    priority: [essential");

        var (file, errors) = LibraryFormat.Read(broken);

        Assert.Null(file);
        var error = Assert.Single(errors);
        Assert.InRange(error.Line, 14, 16);
        Assert.StartsWith("Not valid YAML or JSON", error.Message.En);
        Assert.StartsWith("Neplatný YAML", error.Message.Cs);
    }

    [Fact]
    public void An_unknown_venue_type_in_a_rule_is_reported_on_its_line()
    {
        var (file, errors) = LibraryFormat.Read(Valid.Replace("{ venueTypeIn: [stadium] }", "{ venueTypeIn: [arena] }"));

        Assert.Null(file);
        var error = Assert.Single(errors);
        Assert.Equal(21, error.Line);
        Assert.Equal("Unknown venue type 'arena'.", error.Message.En);
    }

    [Fact]
    public void A_duplicate_measure_key_is_reported_on_the_second_key()
    {
        var (_, errors) = LibraryFormat.Read(Valid.Replace("  - key: GOV-01", "  - key: ACC-01"));

        Assert.Contains(errors, e => e.Line == 22 && e.Message.En.Contains("'ACC-01' is used twice"));
    }

    [Fact]
    public void An_unknown_placeholder_is_reported_on_the_steps_line()
    {
        var (_, errors) = LibraryFormat.Read(Valid.Replace("Lock {site.name}", "Lock {site.owner}"));

        var error = Assert.Single(errors);
        Assert.Equal(45, error.Line);
        Assert.Contains("{site.owner}", error.Message.En);
    }

    [Fact]
    public void An_unknown_field_is_reported_with_its_name_and_line()
    {
        var (_, errors) = LibraryFormat.Read(Valid.Replace("    reviewMonths: 24", "    reviewMonth: 24"));

        var error = Assert.Single(errors);
        Assert.Equal(26, error.Line);
        Assert.Contains("'reviewMonth'", error.Message.En);
    }

    [Fact]
    public void An_unknown_choice_is_reported_on_its_line()
    {
        var (_, errors) = LibraryFormat.Read(Valid.Replace("priority: enhanced", "priority: urgent"));

        var error = Assert.Single(errors);
        Assert.Equal(24, error.Line);
        Assert.Contains("'priority'", error.Message.En);
    }

    [Fact]
    public void A_playbook_without_a_lockdown_step_is_refused()
    {
        var (_, errors) = LibraryFormat.Read(Valid.Replace("procedure: lockdown", "procedure: other"));

        var error = Assert.Single(errors);
        Assert.Equal(42, error.Line);
        Assert.Contains("no lockdown step", error.Message.En);
    }

    [Fact]
    public void A_question_needs_five_levels()
    {
        var (_, errors) = LibraryFormat.Read(Valid.Replace("      - { level: 5, text: { en: \"At once\", cs: \"Hned\" }, calls: [] }\n", ""));

        Assert.Contains(errors, e => e.Line == 36 && e.Message.En.Contains("exactly five levels"));
    }

    [Fact]
    public void Missing_czech_text_is_reported()
    {
        var (_, errors) = LibraryFormat.Read(Valid.Replace("title: { en: \"Plan\", cs: \"Plán\" }", "title: { en: \"Plan\", cs: \"\" }"));

        var error = Assert.Single(errors);
        Assert.Equal(27, error.Line);
        Assert.Contains("both English (en) and Czech (cs)", error.Message.En);
    }

    [Fact]
    public void Every_error_of_a_file_is_listed_not_only_the_first()
    {
        var broken = Valid.Replace("role: security-lead\n    reviewMonths: 12", "role: guard\n    reviewMonths: 12")
            .Replace("calls: [ACC-01] }\n      - { level: 2", "calls: [ACC-99] }\n      - { level: 2");

        var (_, errors) = LibraryFormat.Read(broken);

        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.Message.En == "Unknown role 'guard'.");
        Assert.Contains(errors, e => e.Message.En.Contains("'ACC-99', which does not exist"));
    }

    private static string Json(LibraryFile file) => JsonSerializer.Serialize(file, LibraryFormat.JsonOptions);
}
