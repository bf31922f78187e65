using SoftTargets.Core.Features.Methodology.Library;

namespace SoftTargets.UnitTests.Features.Methodology.Library;

/// <summary>
/// What an editor reads when a library file is wrong, from real malformed files in Files/: every problem at
/// once, the choices an enum allows, no .NET names, syntax errors on the line (and column) to fix.
/// </summary>
public sealed class LibraryMessagesTests
{
    private static IReadOnlyList<LibraryError> Errors(string name)
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Features", "Methodology", "Library", "Files", name));
        var (file, errors) = LibraryFormat.Read(text);
        Assert.Null(file);
        Assert.NotEmpty(errors);
        return errors;
    }

    private static LibraryError At(IReadOnlyList<LibraryError> errors, int line, string contains) =>
        Assert.Single(errors, e => e.Line == line && e.Message.En.Contains(contains, StringComparison.Ordinal));

    [Fact]
    public void Every_wrong_value_of_a_yaml_file_is_reported_in_one_pass_each_on_its_line()
    {
        var errors = Errors("type-errors.yaml");

        At(errors, 12, "'gte' must be a whole number, not 'lots'");
        At(errors, 16, "'priority' must be one of: essential, recommended, enhanced (not 'urgent')");
        At(errors, 20, "Unknown field 'colour'");
        At(errors, 24, "Unknown role 'security-guard'");
        At(errors, 25, "'reviewMonths' must be a whole number, not 2.5");
        At(errors, 26, "'title' must be a group of fields");
        At(errors, 27, "The field 'role' is missing");
        At(errors, 28, "The category 'paperwork' is not one of the methodology's measure categories: use one of Governance, AccessControl, Response");
        At(errors, 37, "'phase' must be one of: P0, P1, P2, P3, P4, P5 (not 'P9')");
        At(errors, 37, "'targetMinutes' must be a whole number, not 'soon'");
        At(errors, 40, "'en' must be text");
        Assert.Equal(errors.OrderBy(e => e.Line).Select(e => e.Line), errors.Select(e => e.Line));
    }

    [Fact]
    public void Every_wrong_value_of_a_json_file_is_reported_in_one_pass_each_on_its_line()
    {
        var errors = Errors("type-errors.json");

        At(errors, 3, "'version' must be a whole number, not 'first'");
        At(errors, 10, "'venueTypeIn' must be a list, not a single value 'stadium'");
        At(errors, 16, "'priority' must be one of: essential, recommended, enhanced (not 'Urgent')");
        At(errors, 18, "'reviewMonths' must be a whole number, not true");
        // A methodology that declares no languages is written in both, so the text lacking Czech is the rules' problem.
        At(errors, 26, "Write the text in both English (en) and Czech (cs)");
        At(errors, 35, "'procedure' must be one of: evacuation, invacuation, lockdown, communication, other (not 'hide')");
        At(errors, 36, "An entry of 'steps' is empty");
    }

    [Fact]
    public void A_value_reported_as_malformed_is_not_reported_again_by_the_methodology_rules()
    {
        var errors = Errors("type-errors.yaml");

        // The stand-in for the number at line 40 is text, so the rules do not ask for the missing English text too.
        Assert.Single(errors, e => e.Line == 40);
        // The missing role is reported once; its stand-in is not reported as an unknown role.
        Assert.Single(errors, e => e.Message.En.Contains("role", StringComparison.Ordinal) && e.Line == 27);
        Assert.DoesNotContain(errors, e => e.Message.En.Contains("'?'", StringComparison.Ordinal));
        // The stand-in for the unknown category does not hide the measure's other problems.
        Assert.Contains(errors, e => e.Line == 27 && e.Message.En.StartsWith("Write the text", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("type-errors.yaml")]
    [InlineData("type-errors.json")]
    public void Messages_name_fields_and_choices_as_the_file_writes_them_never_a_dotnet_type(string name)
    {
        foreach (var error in Errors(name))
        {
            foreach (var text in new[] { error.Message.En, error.Message.Cs })
            {
                Assert.DoesNotContain("System.", text, StringComparison.Ordinal);
                Assert.DoesNotContain("SoftTargets", text, StringComparison.Ordinal);
                Assert.DoesNotContain("Int32", text, StringComparison.Ordinal);
                Assert.DoesNotContain("Nullable", text, StringComparison.Ordinal);
                Assert.DoesNotContain("LocalizedText", text, StringComparison.Ordinal);
                Assert.DoesNotContain("Path:", text, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Messages_are_in_czech_too_with_the_same_choices()
    {
        var errors = Errors("type-errors.yaml");

        var priority = At(errors, 16, "'priority'");
        Assert.Equal("'priority' musí být jedna z možností: essential, recommended, enhanced (ne 'urgent').", priority.Message.Cs);
        Assert.Equal("V 'measures' chybí pole 'role'.", At(errors, 27, "'role'").Message.Cs);
        Assert.StartsWith("Neznámé pole 'colour'", At(errors, 20, "'colour'").Message.Cs);
    }

    [Fact]
    public void Fields_at_the_top_of_the_file_are_named_as_such_in_both_languages()
    {
        var (_, errors) = LibraryFormat.Read("methodology: test-method\nversion: 1\ntitel: { en: \"Test\", cs: \"Test\" }\n");

        var unknown = At(errors, 3, "Unknown field 'titel' at the top of the file");
        Assert.StartsWith("Neznámé pole 'titel' na nejvyšší úrovni souboru", unknown.Message.Cs, StringComparison.Ordinal);
        var missing = At(errors, 1, "The field 'title' is missing at the top of the file");
        Assert.Equal("Na nejvyšší úrovni souboru chybí pole 'title'.", missing.Message.Cs);
    }

    [Fact]
    public void An_unclosed_list_in_json_is_reported_where_it_was_opened_with_its_column()
    {
        var error = Assert.Single(Errors("unclosed-list.json"));

        Assert.Equal((5, 12), (error.Line, error.Column));
        Assert.Contains("the list opened with '[' here is not closed", error.Message.En);
        Assert.Contains("(column 12)", error.Message.En);
        Assert.Contains("seznam otevřený znakem '['", error.Message.Cs);
    }

    [Fact]
    public void An_unclosed_group_in_block_yaml_is_reported_where_it_was_opened()
    {
        var error = Assert.Single(Errors("unclosed-flow-in-block.yaml"));

        Assert.Equal((5, 5), (error.Line, error.Column));
        Assert.Contains("opened with '{' here is not closed", error.Message.En);
    }

    [Fact]
    public void A_missing_comma_in_json_is_reported_at_the_end_of_the_line_that_lacks_it()
    {
        var error = Assert.Single(Errors("missing-comma.json"));

        Assert.Equal((3, 15), (error.Line, error.Column));
        Assert.Contains("a ',' is missing at the end of this line", error.Message.En);
        Assert.Contains("chybí ','", error.Message.Cs);
    }

    [Fact]
    public void A_tab_used_for_indentation_is_reported_on_its_own_line_not_where_the_mapping_starts()
    {
        var error = Assert.Single(Errors("tab-indent.yaml"));

        Assert.Equal((6, 1), (error.Line, error.Column));
        Assert.Contains("indent with spaces", error.Message.En);
        Assert.Contains("tabulátor", error.Message.Cs);
    }

    [Fact]
    public void A_line_indented_too_deep_is_reported_on_that_line()
    {
        var error = Assert.Single(Errors("bad-indent.yaml"));

        Assert.Equal(8, error.Line);
        Assert.Contains("indented deeper than the field above", error.Message.En);
    }

    [Fact]
    public void Unpaired_quotes_are_reported_on_their_line()
    {
        var error = Assert.Single(Errors("unclosed-quote.yaml"));

        Assert.Equal(3, error.Line);
        Assert.Contains("quotes on this line do not pair up", error.Message.En);
    }

    [Fact]
    public void A_field_written_twice_is_named_on_the_second_line_in_both_languages()
    {
        var error = Assert.Single(Errors("duplicate-field.yaml"));

        Assert.Equal(5, error.Line);
        Assert.Contains("the field 'version' appears twice", error.Message.En);
        Assert.Contains("pole 'version' je ve stejné skupině uvedeno dvakrát", error.Message.Cs);
    }
}
