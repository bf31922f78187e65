using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Features.Methodology.Diff;

namespace SoftTargets.UnitTests.Features.Methodology.Diff;

public sealed class MethodologyDiffTests
{
    [Fact]
    public void Identical_documents_have_no_differences()
    {
        var result = MethodologyDiff.Compare(Document(), Document());

        Assert.True(result.IsEmpty);
    }

    [Fact]
    public void A_document_compared_with_itself_has_no_differences()
    {
        var document = Document();

        Assert.True(MethodologyDiff.Compare(document, document).IsEmpty);
    }

    [Fact]
    public void Added_measure_is_reported_with_its_new_title()
    {
        var newer = Document() with { Measures = [.. Document().Measures, Measure("TRN-01", title: "Drill")] };

        var entry = Assert.Single(MethodologyDiff.Compare(Document(), newer).Entries);

        Assert.Equal("Measure Added TRN-01 []", Show(entry));
        Assert.Equal(Text("Drill"), entry.Title);
    }

    [Fact]
    public void Removed_measure_is_reported_with_its_old_title()
    {
        var newer = Document() with { Measures = [Document().Measures[1]] };

        var entry = Assert.Single(MethodologyDiff.Compare(Document(), newer).Entries);

        Assert.Equal("Measure Removed ACC-01 []", Show(entry));
        Assert.Equal(Text("Lock entrances"), entry.Title);
    }

    [Fact]
    public void Changed_measure_lists_exactly_the_changed_fields()
    {
        var older = Document();
        var changed = older.Measures[0] with
        {
            Priority = MeasurePriority.Enhanced,
            AppliesWhen = new Condition { TierIn = ["enhanced"] },
        };
        var newer = older with { Measures = [changed, older.Measures[1]] };

        var result = MethodologyDiff.Compare(older, newer);

        var entry = Assert.Single(result.Entries);
        Assert.Equal("Measure Changed ACC-01 [priority,appliesWhen]", Show(entry));
    }

    [Fact]
    public void Rule_change_deep_inside_all_and_any_is_reported_as_appliesWhen()
    {
        var older = Document() with { Measures = [Measure("ACC-01", appliesWhen: DeepRule(800))] };
        var newer = Document() with { Measures = [Measure("ACC-01", appliesWhen: DeepRule(900))] };

        var entry = Assert.Single(MethodologyDiff.Compare(older, newer).Entries);

        Assert.Equal("Measure Changed ACC-01 [appliesWhen]", Show(entry));
    }

    [Fact]
    public void Equal_rules_built_separately_are_not_a_change()
    {
        var older = Document() with { Measures = [Measure("ACC-01", appliesWhen: DeepRule(800))] };
        var newer = Document() with { Measures = [Measure("ACC-01", appliesWhen: DeepRule(800))] };

        Assert.True(MethodologyDiff.Compare(older, newer).IsEmpty);
    }

    [Fact]
    public void Removing_a_rule_is_reported_as_appliesWhen()
    {
        var older = Document() with { Measures = [Measure("ACC-01", appliesWhen: DeepRule(800))] };
        var newer = Document() with { Measures = [Measure("ACC-01")] };

        Assert.Equal(["Measure Changed ACC-01 [appliesWhen]"], Shows(MethodologyDiff.Compare(older, newer)));
    }

    [Fact]
    public void Question_level_change_is_reported_as_levels()
    {
        var older = Document();
        var question = older.Questions[0];
        var levels = question.Levels.ToList();
        levels[2] = levels[2] with { Calls = ["ACC-01", "GOV-01"] };
        var newer = older with { Questions = [question with { Levels = levels }] };

        Assert.Equal(["Question Changed Q-ACC-01 [levels]"], Shows(MethodologyDiff.Compare(older, newer)));
    }

    [Fact]
    public void Step_added_and_removed_are_reported_by_step_key()
    {
        var older = Document();
        var playbook = older.Playbooks[0];
        var newer = older with
        {
            Playbooks = [playbook with { Steps = [playbook.Steps[0], Step("PB-FIREARMS-P2-01")] }],
        };

        Assert.Equal(
            ["Step Added PB-FIREARMS-P2-01 []", "Step Removed PB-FIREARMS-P1-02 []"],
            Shows(MethodologyDiff.Compare(older, newer)));
    }

    [Fact]
    public void Changed_step_lists_procedure_and_target_minutes()
    {
        var older = Document();
        var playbook = older.Playbooks[0];
        var step = playbook.Steps[0] with { Procedure = Procedure.Evacuation, TargetMinutes = 5 };
        var newer = older with { Playbooks = [playbook with { Steps = [step, playbook.Steps[1]] }] };

        Assert.Equal(
            ["Step Changed PB-FIREARMS-P1-01 [procedure,targetMinutes]"],
            Shows(MethodologyDiff.Compare(older, newer)));
    }

    [Fact]
    public void Step_moved_to_another_playbook_is_reported_as_playbook_not_as_added_and_removed()
    {
        var older = Document() with
        {
            Playbooks = [Playbook("PB-FIREARMS", "firearms", Step("S-1"), Step("S-2")), Playbook("PB-FIRE", "fire", Step("S-3"))],
        };
        var newer = Document() with
        {
            Playbooks = [Playbook("PB-FIREARMS", "firearms", Step("S-1")), Playbook("PB-FIRE", "fire", Step("S-3"), Step("S-2"))],
        };

        Assert.Equal(["Step Changed S-2 [playbook]"], Shows(MethodologyDiff.Compare(older, newer)));
    }

    [Fact]
    public void Playbook_is_changed_only_when_its_threat_changes()
    {
        var older = Document();
        var playbook = older.Playbooks[0];
        var newer = older with { Playbooks = [playbook with { Threat = "fire", Steps = [playbook.Steps[0]] }] };

        var result = MethodologyDiff.Compare(older, newer);

        Assert.Equal(
            ["Playbook Changed PB-FIREARMS [threat]", "Step Removed PB-FIREARMS-P1-02 []"],
            Shows(result));
        Assert.Equal(Text("Fire"), result.For(DiffArea.Playbook).Single().Title);
    }

    [Fact]
    public void Tier_reordering_is_reported_as_order()
    {
        var older = Document();
        var newer = older with { Tiers = [older.Tiers[1], older.Tiers[0]] };

        Assert.Equal(
            ["Tier Changed enhanced [order]", "Tier Changed standard [order]"],
            Shows(MethodologyDiff.Compare(older, newer)));
    }

    [Fact]
    public void Adding_a_tier_on_top_does_not_reorder_the_others()
    {
        var older = Document();
        var top = new TierRule("maximum", Text("Maximum"), new Condition { Occupancy = new NumberComparison { Gte = 5000 } });
        var newer = older with { Tiers = [top, .. older.Tiers] };

        Assert.Equal(["Tier Added maximum []"], Shows(MethodologyDiff.Compare(older, newer)));
    }

    [Fact]
    public void Tier_name_and_condition_changes_are_reported()
    {
        var older = Document();
        var tier = older.Tiers[1] with { Name = Text("Basic"), When = new Condition { Occupancy = new NumberComparison { Gte = 100 } } };
        var newer = older with { Tiers = [older.Tiers[0], tier] };

        Assert.Equal(["Tier Changed standard [name,when]"], Shows(MethodologyDiff.Compare(older, newer)));
    }

    [Fact]
    public void Catalogue_name_change_is_keyed_by_catalogue_and_key()
    {
        var older = Document();
        var newer = older with { VenueTypes = [new CatalogItem("stadium", Text("Sports stadium"))] };

        var entry = Assert.Single(MethodologyDiff.Compare(older, newer).Entries);

        Assert.Equal("Catalogue Changed venueTypes:stadium [name]", Show(entry));
        Assert.Equal(Text("Sports stadium"), entry.Title);
    }

    [Fact]
    public void Document_title_is_not_compared()
    {
        var newer = Document() with { Title = Text("Another title") };

        Assert.True(MethodologyDiff.Compare(Document(), newer).IsEmpty);
    }

    [Fact]
    public void Entries_are_ordered_by_area_then_kind_then_key()
    {
        var older = Document();
        var newer = older with
        {
            Roles = [.. older.Roles, new CatalogItem("first-aider", Text("First aider"))],
            Attributes = [],
            Measures = [older.Measures[1] with { ReviewMonths = 6 }, Measure("TRN-02"), Measure("ACC-02")],
            Questions = [],
        };

        Assert.Equal(
            [
                "Catalogue Added roles:first-aider []",
                "Catalogue Removed attributes:outdoor-queues []",
                "Measure Added ACC-02 []",
                "Measure Added TRN-02 []",
                "Measure Removed ACC-01 []",
                "Measure Changed GOV-01 [reviewMonths]",
                "Question Removed Q-ACC-01 []",
            ],
            Shows(MethodologyDiff.Compare(older, newer)));
    }

    [Fact]
    public void Comparing_twice_gives_the_same_result_and_leaves_the_inputs_unchanged()
    {
        var older = Document();
        var newer = older with { Measures = [Measure("TRN-01")], Tiers = [older.Tiers[1], older.Tiers[0]] };
        var olderJson = Json(older);
        var newerJson = Json(newer);

        var first = MethodologyDiff.Compare(older, newer);
        var second = MethodologyDiff.Compare(older, newer);

        Assert.Equal(Shows(first), Shows(second));
        Assert.Equal(first.Entries.Select(e => e.Title), second.Entries.Select(e => e.Title));
        Assert.Equal(olderJson, Json(older));
        Assert.Equal(newerJson, Json(newer));
    }

    [Fact]
    public void For_returns_the_entries_of_one_area()
    {
        var older = Document();
        var newer = older with { Measures = [], Questions = [] };

        var result = MethodologyDiff.Compare(older, newer);

        Assert.Equal(["ACC-01", "GOV-01"], result.For(DiffArea.Measure).Select(e => e.Key));
        Assert.Empty(result.For(DiffArea.Step));
    }

    [Fact]
    public void A_step_condition_and_measure_text_variants_are_changed_fields()
    {
        var older = Document();
        var newer = older with
        {
            Measures = [older.Measures[0] with { Variants = [new MeasureVariant { When = new Condition { Attribute = "outdoor-queues" }, Title = Text("Queues") }] }, .. older.Measures.Skip(1)],
            Playbooks = [older.Playbooks[0] with { Steps = [older.Playbooks[0].Steps[0] with { When = new Condition { Attribute = "outdoor-queues" } }, .. older.Playbooks[0].Steps.Skip(1)] }, .. older.Playbooks.Skip(1)],
        };

        Assert.Equal([$"Measure Changed {older.Measures[0].Key} [variants]", $"Step Changed {older.Playbooks[0].Steps[0].Key} [when]"],
            Shows(MethodologyDiff.Compare(older, newer)));
    }

    [Fact]
    public void The_scope_is_reported_when_added_and_when_its_baseline_changes()
    {
        var scope = new MethodologyScope { When = new Condition { Occupancy = new NumberComparison { Gte = 50 } }, Baseline = ["ACC-01"] };
        var scoped = Document() with { Scope = scope };

        Assert.Equal(["Scope Added scope []"], Shows(MethodologyDiff.Compare(Document(), scoped)));
        Assert.Equal(["Scope Changed scope [baseline]"], Shows(MethodologyDiff.Compare(scoped, scoped with { Scope = scope with { Baseline = [] } })));
        Assert.Equal(["Scope Removed scope []"], Shows(MethodologyDiff.Compare(scoped, Document())));
    }

    [Fact]
    public void A_changed_measure_gives_each_field_with_its_value_before_and_after()
    {
        var older = Document();
        var rule = new Condition { TierIn = ["standard"] };
        var changed = older.Measures[0] with { Priority = MeasurePriority.Enhanced, AppliesWhen = rule, Category = "Training" };
        var newer = older with { Measures = [changed, older.Measures[1]] };

        var entry = Assert.Single(MethodologyDiff.Compare(older, newer).Entries);

        Assert.Equal(["appliesWhen", "category", "priority"], entry.Changes.Select(c => c.Field).Order(StringComparer.Ordinal));
        var priority = entry.Changes.Single(c => c.Field == "priority");
        Assert.Equal((null as string, (object)older.Measures[0].Priority, (object)MeasurePriority.Enhanced), (priority.Language, priority.Before!, priority.After!));
        var applies = entry.Changes.Single(c => c.Field == "appliesWhen");
        Assert.Same(older.Measures[0].AppliesWhen, applies.Before);
        Assert.Same(rule, applies.After);
        Assert.Equal("Training", entry.Changes.Single(c => c.Field == "category").After);
    }

    [Fact]
    public void A_changed_text_gives_one_change_per_language_that_differs()
    {
        var older = Document();
        var newer = older with { Measures = [older.Measures[0] with { Title = new LocalizedText("Lock entrances", "Zamknout vchody") }, older.Measures[1]] };

        var entry = Assert.Single(MethodologyDiff.Compare(older, newer).Entries);

        var change = Assert.Single(entry.Changes);
        Assert.Equal(new FieldChange("title", "cs", "Lock entrances (cs)", "Zamknout vchody"), change);
        Assert.Equal(["title"], entry.Fields);
    }

    [Fact]
    public void A_changed_tier_rule_and_step_text_give_their_values()
    {
        var older = Document();
        var tier = older.Tiers[1] with { When = new Condition { Occupancy = new NumberComparison { Gte = 300 } } };
        var steps = older.Playbooks[0].Steps.Select((s, i) => i == 0 ? s with { Text = new LocalizedText("Run", "Utíkejte"), TargetMinutes = 5 } : s).ToList();
        var newer = older with { Tiers = [older.Tiers[0], tier], Playbooks = [older.Playbooks[0] with { Steps = steps }] };

        var result = MethodologyDiff.Compare(older, newer);

        var when = Assert.Single(Assert.Single(result.For(DiffArea.Tier)).Changes);
        Assert.Equal(("when", 300), (when.Field, ((Condition)when.After!).Occupancy!.Gte));
        var step = Assert.Single(result.For(DiffArea.Step));
        Assert.Equal(["targetMinutes:", "text:cs", "text:en"], step.Changes.Select(c => $"{c.Field}:{c.Language}").Order(StringComparer.Ordinal));
        Assert.Equal(5, step.Changes.Single(c => c.Field == "targetMinutes").After);
    }

    [Fact]
    public void A_moved_tier_gives_its_positions_before_and_after()
    {
        var older = Document();
        var newer = older with { Tiers = [older.Tiers[1], older.Tiers[0]] };

        var entries = MethodologyDiff.Compare(older, newer).For(DiffArea.Tier).ToList();

        Assert.Equal([new FieldChange("order", null, 1, 2)], entries.Single(e => e.Key == "enhanced").Changes);
    }

    [Fact]
    public void Added_and_removed_items_have_no_field_changes()
    {
        var newer = Document() with { Measures = [Document().Measures[1], Measure("TRN-01")] };

        Assert.All(MethodologyDiff.Compare(Document(), newer).Entries, e => Assert.Empty(e.Changes));
    }

    private static string Show(DiffEntry e) => $"{e.Area} {e.Kind} {e.Key} [{string.Join(",", e.Fields)}]";

    private static List<string> Shows(MethodologyDiffResult result) => result.Entries.Select(Show).ToList();

    private static string Json(MethodologyDocument document) =>
        System.Text.Json.JsonSerializer.Serialize(document, Core.Features.Methodology.Library.LibraryFormat.JsonOptions);

    private static LocalizedText Text(string en) => new(en, en + " (cs)");

    private static Condition DeepRule(int occupancy) => new()
    {
        All =
        [
            new Condition { VenueTypeIn = ["stadium"] },
            new Condition
            {
                Any =
                [
                    new Condition { Attribute = "outdoor-queues" },
                    new Condition { Not = new Condition { Occupancy = new NumberComparison { Gte = occupancy } } },
                ],
            },
        ],
    };

    private static MeasureTemplate Measure(string key, string? title = null, Condition? appliesWhen = null) => new()
    {
        Key = key,
        Category = "AccessControl",
        Priority = MeasurePriority.Essential,
        Role = "security-lead",
        ReviewMonths = 12,
        Title = Text(title ?? key),
        Guidance = Text("Guidance"),
        Evidence = Text("Evidence"),
        AppliesWhen = appliesWhen,
    };

    private static PlaybookStep Step(string key, Procedure procedure = Procedure.Lockdown) => new()
    {
        Key = key,
        Phase = IncidentPhase.P1,
        Procedure = procedure,
        Role = "security-lead",
        TargetMinutes = 2,
        Text = Text("Do " + key + " at {site.name}"),
    };

    private static PlaybookTemplate Playbook(string key, string threat, params PlaybookStep[] steps) =>
        new() { Key = key, Threat = threat, Steps = steps };

    /// <summary>A fresh, small document on every call, so tests can compare separately built copies.</summary>
    private static MethodologyDocument Document() => new()
    {
        Title = Text("Test methodology"),
        Roles = [new CatalogItem("security-lead", Text("Security lead"))],
        VenueTypes = [new CatalogItem("stadium", Text("Stadium"))],
        ThreatTypes = [new CatalogItem("firearms", Text("Firearms")), new CatalogItem("fire", Text("Fire"))],
        Attributes = [new CatalogItem("outdoor-queues", Text("Outdoor queues"))],
        Tiers =
        [
            new TierRule("enhanced", Text("Enhanced"), new Condition { Occupancy = new NumberComparison { Gte = 800 } }),
            new TierRule("standard", Text("Standard"), new Condition { Occupancy = new NumberComparison { Gte = 200 } }),
        ],
        Measures =
        [
            Measure("ACC-01", "Lock entrances", new Condition { Any = [new Condition { Attribute = "outdoor-queues" }, new Condition { TierIn = ["enhanced"] }] }),
            Measure("GOV-01", "Plan") with { Category = "Governance" },
        ],
        Questions =
        [
            new AssessmentQuestion
            {
                Key = "Q-ACC-01",
                Category = "AccessControl",
                Text = Text("Are entrances controlled?"),
                Levels = [.. Enumerable.Range(1, 5).Select(l => new AnswerLevel(l, Text($"Level {l}"), l < 3 ? ["ACC-01"] : []))],
            },
        ],
        Playbooks =
        [
            Playbook("PB-FIREARMS", "firearms", Step("PB-FIREARMS-P1-01"), Step("PB-FIREARMS-P1-02", Procedure.Communication)),
        ],
    };
}
