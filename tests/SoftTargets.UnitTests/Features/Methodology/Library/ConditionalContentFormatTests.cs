using System.Text.Json;
using SoftTargets.Core.Features.Methodology.Library;

namespace SoftTargets.UnitTests.Features.Methodology.Library;

/// <summary>Step conditions, measure text variants and the scope in library files.</summary>
public sealed class ConditionalContentFormatTests
{
    // Line numbers below refer to this text: keep its shape when editing.
    private const string Valid = """
        methodology: test-method
        version: 1
        title: { en: "Test", cs: "Test" }
        roles: [ { key: security-lead, name: { en: "Security lead", cs: "Vedoucí bezpečnosti" } } ]
        venueTypes: [ { key: stadium, name: { en: "Stadium", cs: "Stadion" } } ]
        threatTypes: [ { key: firearms, name: { en: "Firearms", cs: "Střelba" } } ]
        attributes: [ { key: open-space, name: { en: "Open space", cs: "Otevřené prostranství" } } ]
        measures:
          - key: ACC-01
            category: accessControl
            priority: essential
            role: security-lead
            title: { en: "Lock entrances", cs: "Zamykat vstupy" }
            guidance: { en: "Keys.", cs: "Klíče." }
            evidence: { en: "A list", cs: "Seznam" }
            variants:
              - when: { attribute: open-space }
                title: { en: "Close the routes", cs: "Uzavřít cesty" }
        scope:
          when: { occupancy: { gte: 50 } }
          baseline: [ACC-01]
        playbooks:
          - key: PB-FIREARMS
            threat: firearms
            steps:
              - { key: PB-FIREARMS-P1-01, phase: P1, procedure: lockdown, role: security-lead, text: { en: "Lock", cs: "Zamknout" }, when: { not: { attribute: open-space } } }
              - { key: PB-FIREARMS-P1-02, phase: P1, procedure: invacuation, role: security-lead, text: { en: "Hide", cs: "Ukrýt" } }
              - { key: PB-FIREARMS-P2-01, phase: P2, procedure: evacuation, role: security-lead, text: { en: "Go", cs: "Jít" } }
              - { key: PB-FIREARMS-P3-01, phase: P3, procedure: communication, role: security-lead, text: { en: "Call", cs: "Volat" } }
        regions: [ { key: Praha, name: { en: "Prague", cs: "Hlavní město Praha" } }, { key: Jihomoravsky, name: { en: "South Moravian", cs: "Jihomoravský kraj" } } ]
        measureCategories: [ { key: Governance, name: { en: "Governance", cs: "Řízení" } }, { key: AccessControl, name: { en: "Access control", cs: "Kontrola vstupu" } }, { key: Response, name: { en: "Response", cs: "Reakce" } } ]
        """;

    [Fact]
    public void Step_conditions_variants_and_the_scope_are_read()
    {
        var (file, errors) = LibraryFormat.Read(Valid);

        Assert.Empty(errors);
        Assert.Equal("open-space", file!.Playbooks[0].Steps[0].When!.Not!.Attribute);
        Assert.Null(file.Playbooks[0].Steps[1].When);
        var variant = Assert.Single(file.Measures[0].Variants!);
        Assert.Equal(("open-space", "Uzavřít cesty"), (variant.When.Attribute, variant.Title!.Cs));
        Assert.Null(variant.Guidance);
        Assert.Equal(50, file.Scope!.When.Occupancy!.Gte);
        Assert.Equal(["ACC-01"], file.Scope.Baseline);
        Assert.Equal(file.Scope, file.ToDocument().Scope);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Writing_and_reading_again_keeps_them(bool yaml)
    {
        var original = LibraryFormat.Read(Valid).File!;

        var text = yaml ? LibraryFormat.WriteYaml(original) : LibraryFormat.WriteJson(original);
        var (again, errors) = LibraryFormat.Read(text);

        Assert.Empty(errors);
        Assert.Equal(Json(original), Json(again!));
        Assert.Contains("variants", text);
        Assert.Contains("baseline", text);
    }

    [Fact]
    public void A_measure_without_variants_is_written_without_them()
    {
        var original = LibraryFormat.Read(Valid.Replace("  - when: { attribute: open-space }\n        title: { en: \"Close the routes\", cs: \"Uzavřít cesty\" }\n", "")
            .Replace("    variants:\n", "")).File!;

        Assert.DoesNotContain("variants", LibraryFormat.WriteYaml(original));
    }

    [Fact]
    public void An_unknown_attribute_in_a_step_condition_is_reported_on_the_steps_line()
    {
        var (file, errors) = LibraryFormat.Read(Valid.Replace("when: { not: { attribute: open-space } }", "when: { not: { attribute: open-square } }"));

        Assert.Null(file);
        var error = Assert.Single(errors);
        Assert.Equal(26, error.Line);
        Assert.Equal("Unknown attribute 'open-square'.", error.Message.En);
    }

    [Fact]
    public void An_unknown_key_in_a_variant_condition_is_reported_on_its_line()
    {
        var (_, errors) = LibraryFormat.Read(Valid.Replace("- when: { attribute: open-space }", "- when: { venueTypeIn: [square] }"));

        var error = Assert.Single(errors);
        Assert.Equal(17, error.Line);
        Assert.Equal("Unknown venue type 'square'.", error.Message.En);
    }

    [Fact]
    public void A_variant_without_any_text_is_refused()
    {
        var (_, errors) = LibraryFormat.Read(Valid.Replace("        title: { en: \"Close the routes\", cs: \"Uzavřít cesty\" }\n", ""));

        var error = Assert.Single(errors);
        Assert.Equal("A variant needs its own title, guidance or evidence.", error.Message.En);
    }

    [Fact]
    public void A_baseline_naming_an_unknown_measure_and_a_bad_scope_rule_are_both_reported()
    {
        var (_, errors) = LibraryFormat.Read(Valid.Replace("baseline: [ACC-01]", "baseline: [ACC-99]").Replace("when: { occupancy: { gte: 50 } }", "when: { tierIn: [huge] }"));

        Assert.Equal([(20, "Unknown tier 'huge'."), (21, "The baseline names measure 'ACC-99', which does not exist.")],
            errors.Select(e => (e.Line, e.Message.En)));
    }

    private static string Json(LibraryFile file) => JsonSerializer.Serialize(file, LibraryFormat.JsonOptions);
}
