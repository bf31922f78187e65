using System.Globalization;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Features.Methodology;
using SoftTargets.Core.Features.Methodology.Library;
using SoftTargets.UnitTests.Features.Guidelines;

namespace SoftTargets.UnitTests.Features.Methodology;

public sealed class CatalogueValidationTests
{
    private static MethodologyDocument Valid => GuidelineTestData.Small;

    [Fact]
    public void The_seeded_methodology_with_its_regions_and_categories_is_valid() =>
        Assert.Empty(MethodologyValidator.Validate(MethodologyLibrary.ReadSeed().ToDocument()));

    [Fact]
    public void A_measure_in_an_unknown_category_is_refused_with_the_allowed_keys()
    {
        var document = Valid with { Measures = [Valid.Measures[0] with { Category = "Logistics" }, .. Valid.Measures.Skip(1)] };

        var problem = Assert.Single(MethodologyValidator.Validate(document), p => p.Path == "$.measures[0].category");

        Assert.Equal("The category 'Logistics' is not one of the methodology's measure categories: use one of Governance, Detection, AccessControl, Response.",
            problem.Message.En);
        Assert.Contains("Governance, Detection, AccessControl, Response", problem.Message.Cs, StringComparison.Ordinal);
    }

    [Fact]
    public void A_question_in_an_unknown_category_is_refused()
    {
        var document = Valid with { Questions = [Valid.Questions[0] with { Category = "Logistics" }, .. Valid.Questions.Skip(1)] };

        Assert.Contains(MethodologyValidator.Validate(document), p => p.Path == "$.questions[0].category");
    }

    [Fact]
    public void Region_keys_are_unique_ignoring_case_and_at_least_one_is_named()
    {
        var twice = Valid with { Regions = [new("Praha", new("Prague", "Praha")), new("praha", new("Prague", "Praha"))] };
        Assert.Contains(MethodologyValidator.Validate(twice), p => p.Path == "$.regions[1].key" && p.Message.En.Contains("used twice", StringComparison.Ordinal));

        var none = Valid with { Regions = [] };
        Assert.Contains(MethodologyValidator.Validate(none), p => p.Path == "$.regions");
    }

    [Theory]
    [InlineData("Hlavní město")]
    [InlineData("-north")]
    [InlineData("ThisRegionKeyIsLongerThanThirtyTwo")]
    public void A_region_key_that_a_site_cannot_store_is_refused(string key)
    {
        var document = Valid with { Regions = [new(key, new("North", "Sever"))] };

        Assert.Contains(MethodologyValidator.Validate(document), p => p.Path == "$.regions[0].key");
    }

    [Fact]
    public void Category_keys_must_be_unique()
    {
        var document = Valid with { MeasureCategories = [.. Valid.MeasureCategories, new("Governance", new("Again", "Znovu"))] };

        Assert.Contains(MethodologyValidator.Validate(document), p => p.Path == $"$.measureCategories[{Valid.MeasureCategories.Count}].key");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Regions_and_categories_survive_export_and_import(bool yaml)
    {
        var seeded = MethodologyLibrary.ReadSeed().ToDocument();
        var file = LibraryFile.From("round-trip", 1, seeded);

        var text = yaml ? LibraryFormat.WriteYaml(file) : LibraryFormat.WriteJson(file);
        var (again, errors) = LibraryFormat.Read(text);

        Assert.Empty(errors);
        Assert.Contains("Jihomoravsky", text, StringComparison.Ordinal);
        var document = again!.ToDocument();
        Assert.Equal(seeded.Regions, document.Regions);
        Assert.Equal(seeded.MeasureCategories, document.MeasureCategories);
        Assert.Equal(seeded.Measures.Select(m => m.Category), document.Measures.Select(m => m.Category));
    }

    [Fact]
    public void A_category_written_in_another_case_is_imported_as_the_catalogue_key()
    {
        var file = LibraryFile.From("case", 1, Valid) with
        {
            Measures = [Valid.Measures[0] with { Category = "governance" }, .. Valid.Measures.Skip(1)],
        };

        Assert.Equal("Governance", file.ToDocument().Measures[0].Category);
    }

    [Fact]
    public void The_seeded_library_declares_the_fourteen_regions_and_seven_categories_its_measures_use()
    {
        var seeded = MethodologyLibrary.ReadSeed().ToDocument();

        Assert.Equal(14, seeded.Regions.Count);
        Assert.Contains(seeded.Regions, r => r.Key == "Jihomoravsky" && r.Name == new LocalizedText("South Moravian", "Jihomoravský kraj"));
        Assert.Equal(["Governance", "Detection", "AccessControl", "Response", "Recovery", "Training", "Communication"], seeded.MeasureCategories.Select(c => c.Key));
        Assert.All(seeded.Measures, m => Assert.Contains(m.Category, seeded.MeasureCategories.Select(c => c.Key)));
    }

    [Fact]
    public void A_name_reads_in_the_readers_language_then_the_other_then_as_the_key()
    {
        var names = CatalogueNames.Of(new MethodologyDocument
        {
            Regions = [new("Scotland", new("Scotland", "")), new("Praha", new("Prague", "Hlavní město Praha"))],
            MeasureCategories = [new("AccessControl", new("Access control", "Kontrola vstupu"))],
        });
        var czech = CultureInfo.GetCultureInfo("cs");

        Assert.Equal("Hlavní město Praha", names.Region("Praha", czech));
        Assert.Equal("Scotland", names.Region("Scotland", czech));
        Assert.Equal("Bavaria", names.Region("Bavaria", czech));
        Assert.Equal("Kontrola vstupu", names.Category("accessControl", czech));
    }
}
