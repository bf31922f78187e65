using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Domain.Organizations;
using SoftTargets.Core.Features.Guidelines;
using SoftTargets.Core.Features.Methodology;
using SoftTargets.Core.Features.Plans.Export;

namespace SoftTargets.UnitTests.Features.Plans.Export;

/// <summary>A realistic export: the seeded methodology, a stadium with zones, contacts and two threats, some tracked measures.</summary>
internal static class ExportTestData
{
    public static MethodologyDocument Seeded { get; } = MethodologyLibrary.ReadSeed().ToDocument();

    private static readonly GuidelineGenerator Generator = new(Seeded, "seed-v1");

    public static SiteSnapshot Stadium(string name = "Riverside Arena") => new()
    {
        Name = name,
        Address = "Nábřeží 1, Praha",
        Region = "Praha",
        VenueTypeKey = "stadium",
        MaxOccupancy = 12_000,
        DailyVisitors = 9_000,
        Attributes = ["outdoor-queues", "alcohol-served"],
        Zones =
        [
            new ZoneSnapshot("North stand", 6_000, 4, "Car park P1", "North concourse"),
            new ZoneSnapshot("South stand", 6_000, 3, "Tram loop", "South concourse"),
        ],
        Contacts =
        [
            new ContactSnapshot("security-lead", "Jana Nováková", "+420 601 000 001", "jana@example.cz", false),
            new ContactSnapshot("security-lead", "Petr Svoboda", "+420 601 000 002", "petr@example.cz", true),
            new ContactSnapshot("duty-manager", "Eva Malá", "+420 601 000 003", "eva@example.cz", false),
        ],
        Threats = [new ThreatSnapshot("firearms", 3, 5, 2, 4), new ThreatSnapshot("vehicle-as-weapon", 3, 4, 2, 3)],
    };

    public static PlanExportData Data(SiteSnapshot? site = null)
    {
        site ??= Stadium();
        var guideline = Generator.Generate(site);
        var applicable = guideline.Applicable.Select(m => m.Key).ToList();
        List<TrackedMeasure> measures =
        [
            new(applicable[0], "Implemented", "Jana Nováková", new DateOnly(2026, 3, 31), new DateOnly(2027, 3, 31), 2),
            new(applicable[1], "InProgress", "Eva Malá", new DateOnly(2026, 9, 30), null, 0),
            .. applicable.Skip(2).Select(k => new TrackedMeasure(k, "NotStarted", "", null, null, 0)),
        ];
        var roleNames = Seeded.Roles.ToDictionary(r => r.Key, r => r.Name);
        return new PlanExportData(site, "Arena Operator a.s.", 3, Seeded.Title.En, 1,
            new DateTimeOffset(2026, 6, 1, 10, 0, 0, TimeSpan.Zero), guideline, measures, roleNames) { Names = CatalogueNames.Of(Seeded) };
    }

    public static WordprocessingDocument Open(byte[] bytes) => WordprocessingDocument.Open(new MemoryStream(bytes), false);

    public static string BodyText(WordprocessingDocument document) => document.MainDocumentPart!.Document.Body!.InnerText;

    public static void AssertValid(WordprocessingDocument document)
    {
        var errors = new OpenXmlValidator(FileFormatVersions.Office2019).Validate(document)
            .Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }
}
