using System.Text;
using SoftTargets.Core.Data;
using SoftTargets.Core.Domain.Sites;
using SoftTargets.Core.Features.Sites;

namespace SoftTargets.UnitTests.Features.Sites;

public class SiteCsvParsingTests
{
    private const string Header = "name;address;region;venueType;maxOccupancy;dailyVisitors;openingHours;attributes\n";

    private static readonly SiteCatalog Catalog = new(
        ["stadium", "school", "concert-hall"], ["outdoor-queues", "children-present", "alcohol-served"], ["Slezská aréna"])
    { Regions = LegacyCatalogues.Regions };

    [Theory]
    [InlineData("Praha", "Praha")]
    [InlineData("Hlavní město Praha", "Praha")]
    [InlineData("hlavni mesto praha", "Praha")]
    [InlineData("Středočeský kraj", "Stredocesky")]
    [InlineData("Středočeský", "Stredocesky")]
    [InlineData("JIHOMORAVSKY", "Jihomoravsky")]
    [InlineData("jihomoravský KRAJ", "Jihomoravsky")]
    [InlineData("Kraj Vysočina", "Vysocina")]
    [InlineData("Vysočina", "Vysocina")]
    [InlineData("  Zlínský   kraj ", "Zlinsky")]
    [InlineData("Ústecký kraj", "Ustecky")]
    [InlineData("Královéhradecký", "Kralovehradecky")]
    public void A_region_is_read_from_its_key_or_either_name(string text, string expected)
    {
        Assert.True(SiteCsvFormat.TryParseRegion(text, LegacyCatalogues.Regions, out var region));
        Assert.Equal(expected, region);
    }

    [Fact]
    public void Every_region_is_read_from_its_key_and_both_names()
    {
        foreach (var region in LegacyCatalogues.Regions)
        {
            foreach (var text in new[] { region.Key, region.Name.En, region.Name.Cs })
            {
                Assert.True(SiteCsvFormat.TryParseRegion(text, LegacyCatalogues.Regions, out var read), text);
                Assert.Equal(region.Key, read);
            }
        }
    }

    [Fact]
    public void A_region_is_read_from_the_methodologys_own_catalogue()
    {
        IReadOnlyList<Core.Domain.Methodology.CatalogItem> uk = [new("Scotland", new("Scotland", "")), new("NorthernIreland", new("Northern Ireland", ""))];
        Assert.True(SiteCsvFormat.TryParseRegion("northern ireland", uk, out var read));
        Assert.Equal("NorthernIreland", read);
        Assert.False(SiteCsvFormat.TryParseRegion("Praha", uk, out _));
    }

    [Theory]
    [InlineData("Bavaria")]
    [InlineData("Morava")]
    [InlineData("")]
    [InlineData("kraj")]
    public void An_unknown_region_is_not_read(string text) =>
        Assert.False(SiteCsvFormat.TryParseRegion(text, LegacyCatalogues.Regions, out _));

    [Theory]
    [InlineData("1200", 1200)]
    [InlineData("1 200", 1200)]
    [InlineData("1\u00A0200", 1200)]
    [InlineData("1\u202F200", 1200)]
    [InlineData(" 12 345 678 ", 12_345_678)]
    [InlineData("0", 0)]
    [InlineData("-5", -5)]
    [InlineData("99999999999999999999999", int.MaxValue)]
    public void A_whole_number_may_use_spaces_between_thousands(string text, int expected)
    {
        Assert.True(SiteCsvFormat.TryParseWholeNumber(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("12.5")]
    [InlineData("1,200")]
    [InlineData("1.200")]
    [InlineData("12 00")]
    [InlineData("1 2")]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData("١٢")]
    public void Anything_else_is_not_a_whole_number(string text) =>
        Assert.False(SiteCsvFormat.TryParseWholeNumber(text, out _));

    [Theory]
    [InlineData("name;address;region\n", ';')]
    [InlineData("name,address,region\n", ',')]
    [InlineData("\"a;b;c\",address,region\n", ',')]
    [InlineData("\n\r\nname;address;region\na,b,c,d,e\n", ';')]
    [InlineData("name\n1;2;3;4\n", ',')]
    public void The_separator_is_detected_from_the_header_line(string csv, char expected) =>
        Assert.Equal(expected, SiteCsvFormat.DetectSeparator(Encoding.UTF8.GetBytes(csv)));

    [Fact]
    public void Attribute_lists_are_separated_by_semicolons_or_bars() =>
        Assert.Equal(["a", "b", "c"], SiteCsvFormat.SplitList(" a ;b| c ;;"));

    [Fact]
    public void A_good_file_with_a_byte_order_mark_and_commas_is_read_into_profiles()
    {
        var csv = "\uFEFFName,ADDRESS,Region,VenueType,MaxOccupancy,DailyVisitors,OpeningHours,Attributes\n" +
                  "Aréna Brno,\"Křížkovského 12, Brno\",Jihomoravský kraj,Stadium,\"12 000\",\"4 500\",Po–Ne 8–22,outdoor-queues|Alcohol-Served\n" +
                  "ZŠ Vysočina,Jihlavská 1,Vysocina,school,650,,,\n";

        var rows = Read(csv);

        Assert.Empty(rows.Errors);
        Assert.Equal(2, rows.Sites.Count);
        var arena = rows.Sites[0];
        Assert.Equal(("Aréna Brno", "Křížkovského 12, Brno", "Jihomoravsky", "stadium", 12_000, 4_500, "Po–Ne 8–22"),
            (arena.Name, arena.Address, arena.Region, arena.VenueTypeKey, arena.MaxOccupancy, arena.DailyVisitors, arena.OpeningHours));
        Assert.Equal(["outdoor-queues", "alcohol-served"], arena.Attributes);
        Assert.Equal(("Vysocina", 0, "", 0), (rows.Sites[1].Region, rows.Sites[1].DailyVisitors, rows.Sites[1].OpeningHours, rows.Sites[1].Attributes.Count));
    }

    [Fact]
    public void Only_the_required_columns_are_needed_in_any_order()
    {
        var rows = Read("maxOccupancy;venueType;region;address;name\n300;school;Praha;Lipová 1;Škola\n");

        Assert.Empty(rows.Errors);
        Assert.Equal("Škola", Assert.Single(rows.Sites).Name);
    }

    [Fact]
    public void Lines_count_the_lines_inside_quoted_values_and_blank_lines_are_skipped()
    {
        var csv = Header +
                  "Site A;\"Street 1\nBuilding B\nFloor 2\";Praha;school;100;;;\n" +
                  "\n" +
                  "Site B;Street 2;Bavaria;school;100;;;\n" +
                  ";;;;;;;\n" +
                  "\n\n";

        var error = Assert.Single(Read(csv).Errors);

        Assert.Equal(6, error.Line);
        Assert.StartsWith("Line 6: the region 'Bavaria' is not one of the methodology's regions; use one of: Praha, Stredocesky,", error.Message.En, StringComparison.Ordinal);
        Assert.StartsWith("Řádek 6: kraj „Bavaria“ není mezi kraji metodiky; použijte jeden z těchto: Praha, Stredocesky,", error.Message.Cs, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_of_every_row_is_reported_and_no_site_is_returned()
    {
        var csv = Header +
                  "Good;Street 1;Praha;school;100;;;\n" +
                  ";Street 2;Praha;arena;-1;lots;;wifi\n" +
                  "Good;Street 3;Praha;school;100;;;\n" +
                  "Slezská aréna;Street 4;Praha;school;100;;;\n";

        var rows = Read(csv);

        Assert.Empty(rows.Sites);
        Assert.Equal([3, 3, 3, 3, 3, 4, 5], rows.Errors.Select(e => e.Line));
        var messages = rows.Errors.Select(e => e.Message.En).ToList();
        Assert.Contains("Line 3: the venue type 'arena' is not in the published methodology; use one of: stadium, school, concert-hall.", messages);
        Assert.Contains("Line 3: the value 'lots' in the column dailyVisitors is not a whole number; write it in digits only, e.g. 1200 or 1 200.", messages);
        Assert.Contains(messages, m => m.StartsWith("Line 3: the attribute 'wifi' is not in the published methodology", StringComparison.Ordinal));
        Assert.Contains("Line 3: enter the site's name.", messages);
        Assert.Contains("Line 3: enter the maximum occupancy as a number from 0 to 1,000,000.", messages);
        Assert.Equal("Line 4: the name 'Good' is already used on line 2; give each site its own name.", messages[5]);
        Assert.StartsWith("Line 5: your organisation already has a site named 'Slezská aréna'", messages[6], StringComparison.Ordinal);
        Assert.Contains("Řádek 3: zadejte název objektu.", rows.Errors.Select(e => e.Message.Cs));
    }

    [Theory]
    [InlineData("Site;\"Street \"1\" x\";Praha;school;100;;;\n", "there is text after the closing double quote")]
    [InlineData("Site;Street \"1\";Praha;school;100;;;\n", "a double quote (\") stands inside a value")]
    [InlineData("Site;\"Street 1;Praha;school;100;;;\nOther;Street 2;Praha;school;100;;;\n", "a value opened with a double quote (\") is never closed")]
    public void Bad_quotes_are_an_error_on_their_line_not_an_exception(string rows, string expected)
    {
        var error = Assert.Single(Read(Header + "Good;Street 1;Praha;school;100;;;\n" + rows).Errors);

        Assert.Equal(3, error.Line);
        Assert.StartsWith("Line 3: " + expected, error.Message.En, StringComparison.Ordinal);
    }

    [Fact]
    public void A_row_with_too_few_or_too_many_values_is_an_error_but_trailing_empty_ones_are_not()
    {
        var csv = "name;address;region;venueType;maxOccupancy;\n" +
                  "A;Street 1;Praha;school;100;;\n" +
                  "B;Street 2;Praha;school\n" +
                  "C;Street 3;Praha;school;100;extra\n";

        Assert.Equal([3, 4], Read(csv).Errors.Select(e => e.Line));
    }

    [Fact]
    public void Header_problems_are_reported_on_line_one()
    {
        var errors = Read("name;address;capacity;Name;;venueType;maxOccupancy\nA;B;1;A;;school;1\n").Errors;

        Assert.All(errors, e => Assert.Equal(1, e.Line));
        Assert.Equal(
        [
            "Line 1: the column 'capacity' is not known; use only these columns: name, address, region, venueType, maxOccupancy, dailyVisitors, openingHours, attributes, methodology.",
            "Line 1: the column 'name' appears more than once in the header; keep only one.",
            "Line 1: column 5 of the header has no name; name it (name, address, region, venueType, maxOccupancy, dailyVisitors, openingHours, attributes, methodology) or delete it.",
            "Line 1: the header has no column 'region'; add it (the required columns are name, address, region, venueType, maxOccupancy).",
        ], errors.Select(e => e.Message.En));
    }

    [Theory]
    [InlineData("", "Line 1: the file is empty")]
    [InlineData("\n\n", "Line 1: the file is empty")]
    [InlineData(Header, "Line 1: the file has no sites; add one site per line below the header.")]
    [InlineData(Header + "\n;;;;;;;\n\n", "Line 1: the file has no sites; add one site per line below the header.")]
    public void A_file_without_sites_is_an_error(string csv, string expected) =>
        Assert.StartsWith(expected, Assert.Single(Read(csv).Errors).Message.En, StringComparison.Ordinal);

    [Fact]
    public void More_than_ten_thousand_sites_ask_to_split_the_file()
    {
        var csv = new StringBuilder(Header);
        for (var i = 1; i <= 10_001; i++) csv.Append($"Site {i};Street {i};Praha;school;100;;;\n");

        var error = Assert.Single(Read(csv.ToString()).Errors);

        Assert.Equal(10_002, error.Line);
        Assert.Contains("split it into files of at most 10,000 sites", error.Message.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Ten_thousand_sites_are_fine()
    {
        var csv = new StringBuilder(Header);
        for (var i = 1; i <= 10_000; i++) csv.Append($"Site {i};Street {i};Praha;school;100;;;\n");

        Assert.Equal(10_000, Read(csv.ToString()).Sites.Count);
    }

    [Fact]
    public void A_file_that_is_not_utf8_is_an_error_on_the_lines_that_cannot_be_read()
    {
        var windows1250 = Encoding.UTF8.GetBytes(Header + "Arena;Street 1;Praha;stadium;100;;;\nAr")
            .Concat(new byte[] { 0xE9 }) // 'é' in Windows-1250
            .Concat(Encoding.UTF8.GetBytes("na;Street 2;Praha;stadium;100;;;\n")).ToArray();

        var error = Assert.Single(SiteCsvReader.Read(windows1250, Catalog).Errors);

        Assert.Equal(3, error.Line);
        Assert.Contains("save the file as \"CSV UTF-8\"", error.Message.En, StringComparison.Ordinal);
    }

    private static SiteCsvRows Read(string csv) => SiteCsvReader.Read(Encoding.UTF8.GetBytes(csv), Catalog);
}
