using System.Text;
using Microsoft.EntityFrameworkCore;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Organizations;
using SoftTargets.Core.Features.Sites;
using SoftTargets.IntegrationTests.Infrastructure;

namespace SoftTargets.IntegrationTests.Sites;

public sealed class SiteCsvImportTests(DatabaseFixture fixture) : DatabaseTest(fixture)
{
    private const string Header = "name;address;region;venueType;maxOccupancy;dailyVisitors;openingHours;attributes\n";

    [Fact]
    public async Task A_good_file_adds_every_site_to_the_managers_organisation()
    {
        var csv = Header +
                  "Aréna Brno;Křížkovského 12, Brno;Jihomoravský kraj;stadium;12 000;4 500;Po–Ne 8–22;outdoor-queues|alcohol-served\n" +
                  "Divadlo Jihlava;Masarykovo nám. 1, Jihlava;Kraj Vysočina;theatre-cinema;\"1 200\";800;;\n" +
                  "Hlavní nádraží;Wilsonova 8, Praha 2;Hlavní město Praha;transport-hub;30000;;nonstop;\"outdoor-queues;underground-parking\"\n";
        var manager = await Fixture.ActorAsync(ArenaManager);

        var result = await ImportAsync(ArenaManager, csv);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors.Select(e => e.Message.En)));
        Assert.Equal(3, result.Imported);
        await using var db = Fixture.NewDbContext();
        var imported = await db.Sites.Where(s => s.Name == "Aréna Brno" || s.Name == "Divadlo Jihlava" || s.Name == "Hlavní nádraží").ToListAsync();
        Assert.Equal(3, imported.Count);
        Assert.All(imported, s => Assert.Equal(manager.OrganizationId, s.OrganizationId));
        Assert.All(imported, s => Assert.Equal(ArenaManager, s.CreatedBy));
        Assert.Equal(6, await db.Sites.CountAsync(s => s.OrganizationId == manager.OrganizationId));

        var arena = imported.Single(s => s.Name == "Aréna Brno");
        Assert.Equal(("Křížkovského 12, Brno", "Jihomoravsky", "stadium", 12_000, 4_500, "Po–Ne 8–22"),
            (arena.Address, arena.Region, arena.VenueTypeKey, arena.MaxOccupancy, arena.DailyVisitors, arena.OpeningHours));
        Assert.Equal(["alcohol-served", "outdoor-queues"], arena.Attributes);

        var theatre = imported.Single(s => s.Name == "Divadlo Jihlava");
        Assert.Equal(("Vysocina", "theatre-cinema", 1_200, 800, ""), (theatre.Region, theatre.VenueTypeKey, theatre.MaxOccupancy, theatre.DailyVisitors, theatre.OpeningHours));
        Assert.Empty(theatre.Attributes);

        var station = imported.Single(s => s.Name == "Hlavní nádraží");
        Assert.Equal(("Praha", 30_000, 0), (station.Region, station.MaxOccupancy, station.DailyVisitors));
        Assert.Equal(["outdoor-queues", "underground-parking"], station.Attributes);
    }

    [Fact]
    public async Task Every_bad_row_is_reported_with_its_line_and_nothing_is_imported()
    {
        var csv = Header +
                  "Nová hala;Sportovní 1, Brno;Jihomoravský;sports-hall;2000;;;\n" +      // 2: good
                  "Bavorská hala;Hauptstraße 1;Bavaria;sports-hall;2000;;;\n" +             // 3: unknown region
                  "Kasino;Hlavní 5, Plzeň;Plzeňský kraj;casino;300;;;\n" +                  // 4: unknown venue type
                  "Malý sál;Dlouhá 3, Praha;Praha;concert-hall;-20;;;\n" +                  // 5: negative occupancy
                  ";Krátká 4, Praha;Praha;concert-hall;200;;;\n" +                          // 6: missing name
                  "Bazén;Vodní 6, Zlín;Zlínský kraj;sports-hall;400;;;wifi\n" +             // 7: unknown attribute
                  "Nová hala;Sportovní 2, Brno;Jihomoravský;sports-hall;1500;;;\n" +        // 8: name used on line 2
                  "Slezská aréna;Závodní 1, Ostrava;Moravskoslezský;stadium;15000;;;\n";    // 9: name the organisation has
        var (sites, auditEntries) = await CountsAsync();

        var result = await ImportAsync(ArenaManager, csv);

        Assert.False(result.Succeeded);
        Assert.Equal(0, result.Imported);
        Assert.Equal([3, 4, 5, 6, 7, 8, 9], result.Errors.Select(e => e.Line));
        string[] expected =
        [
            "Line 3: the region 'Bavaria' is not one of the methodology's regions; use one of: Praha, Stredocesky, Jihocesky,",
            "Line 4: the venue type 'casino' is not in the published methodology; use one of: stadium, ",
            "Line 5: enter the maximum occupancy as a number from 0 to 1,000,000.",
            "Line 6: enter the site's name.",
            "Line 7: the attribute 'wifi' is not in the published methodology; use some of: outdoor-queues, ",
            "Line 8: the name 'Nová hala' is already used on line 2; give each site its own name.",
            "Line 9: your organisation already has a site named 'Slezská aréna'; ",
        ];
        Assert.All(expected.Zip(result.Errors), pair => Assert.StartsWith(pair.First, pair.Second.Message.En, StringComparison.Ordinal));
        Assert.StartsWith("Řádek 3: kraj „Bavaria“ není mezi kraji metodiky; použijte jeden z těchto: Praha, Stredocesky,", result.Errors[0].Message.Cs, StringComparison.Ordinal);
        Assert.Equal((sites, auditEntries), await CountsAsync());
        await using var db = Fixture.NewDbContext();
        Assert.False(await db.Sites.AnyAsync(s => s.Name == "Nová hala"));
    }

    [Fact]
    public async Task A_quoted_address_over_several_lines_moves_the_line_numbers_of_the_rows_after_it()
    {
        var csv = Header +
                  "Výstaviště;\"Výstaviště 1\nPavilon A\nBrno\";Jihomoravský kraj;open-air-event;5000;;;\n" +
                  "\n" +
                  "Výstaviště 2;Výstaviště 2, Brno;Morava;open-air-event;5000;;;\n";

        var result = await ImportAsync(ArenaManager, csv);

        var error = Assert.Single(result.Errors);
        Assert.Equal(6, error.Line);
        Assert.StartsWith("Line 6: the region 'Morava'", error.Message.En, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_quoted_address_over_several_lines_is_imported_as_written()
    {
        var csv = "name,address,region,venueType,maxOccupancy\nVýstaviště,\"Výstaviště 1\nBrno\",Jihomoravsky,open-air-event,5000\n";

        var result = await ImportAsync(ArenaManager, csv);

        Assert.Equal(1, result.Imported);
        await using var db = Fixture.NewDbContext();
        Assert.Equal("Výstaviště 1\nBrno", (await db.Sites.SingleAsync(s => s.Name == "Výstaviště")).Address);
    }

    [Theory]
    [InlineData(Auditor)]
    [InlineData(Editor)]
    [InlineData(Administrator)]
    public async Task Only_a_venue_manager_may_import(string email)
    {
        var (sites, auditEntries) = await CountsAsync();

        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            ImportAsync(email, Header + "Cizí objekt;Ulice 1, Praha;Praha;school;100;;;\n"));

        Assert.Equal((sites, auditEntries), await CountsAsync());
    }

    [Fact]
    public async Task A_file_with_only_the_header_is_an_error()
    {
        var result = await ImportAsync(ArenaManager, Header + "\n\n");

        var error = Assert.Single(result.Errors);
        Assert.Equal(1, error.Line);
        Assert.Equal("Line 1: the file has no sites; add one site per line below the header.", error.Message.En);
        Assert.Equal("Řádek 1: soubor neobsahuje žádné objekty; pod záhlaví zapište na každý řádek jeden objekt.", error.Message.Cs);
    }

    [Fact]
    public async Task An_unknown_column_is_an_error_on_the_header_line_and_nothing_is_imported()
    {
        var (sites, auditEntries) = await CountsAsync();

        var result = await ImportAsync(ArenaManager, "name;address;region;venueType;maxOccupancy;capacity\nHala;Ulice 1;Praha;sports-hall;100;80\n");

        var error = Assert.Single(result.Errors);
        Assert.Equal(1, error.Line);
        Assert.StartsWith("Line 1: the column 'capacity' is not known; use only these columns: name, address,", error.Message.En, StringComparison.Ordinal);
        Assert.Equal((sites, auditEntries), await CountsAsync());
    }

    private Task<SiteCsvResult> ImportAsync(string email, string csv) =>
        Fixture.AsAsync<SiteCsvResult, SiteCsvImport>(email, import => import.ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv))));

    private async Task<(int Sites, int AuditEntries)> CountsAsync()
    {
        await using var db = Fixture.NewDbContext();
        return (await db.Sites.CountAsync(), await db.AuditLog.CountAsync());
    }
}
