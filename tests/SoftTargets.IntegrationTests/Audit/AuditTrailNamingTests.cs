using System.Net;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using SoftTargets.Core.Domain.Audit;
using SoftTargets.Core.Domain.Organizations;
using SoftTargets.Core.Domain.Plans;
using SoftTargets.Core.Domain.Sites;
using SoftTargets.Core.Features;
using SoftTargets.Core.Features.Audit;
using SoftTargets.Core.Features.Plans;
using SoftTargets.Core.Features.Sites;
using SoftTargets.IntegrationTests.Infrastructure;

namespace SoftTargets.IntegrationTests.Audit;

/// <summary>The trail as people read it: records by name, one entry per save, and its exports.</summary>
public sealed class AuditTrailNamingTests(DatabaseFixture fixture) : DatabaseTest(fixture)
{
    private const string TheatreName = "Divadlo Stopa";

    private static readonly SiteProfile Theatre =
        new(TheatreName, "Stopová 1, Ostrava", "Moravskoslezsky", "theatre-cinema", 450, 300, "Tu–Su 18:00–23:00", []);

    [Fact]
    public async Task Generating_a_plan_reads_as_one_entry_naming_the_revision_and_counting_its_measures()
    {
        var siteId = await TheatreWithPlanAsync();
        await using var db = Fixture.NewDbContext();
        var measures = await db.PlanMeasures.CountAsync(m => m.SiteId == siteId);

        var page = await Fixture.AsAsync<AuditGroupPage, AuditTrail>(Auditor, t => t.ListGroupsAsync(
            new AuditFilter(EntityType: AuditEntityTypes.Site, EntityId: siteId.ToString(), IncludeParts: true), new PageRequest(0, 25)));

        var plan = Assert.Single(page.Groups, g => g.Kind == AuditGroupKind.PlanGenerated);
        Assert.True(measures > 10, $"the theatre's plan has {measures} measures");
        Assert.Equal(1, plan.PlanRevision);
        Assert.Equal(measures, plan.PlanMeasures);
        Assert.Equal(measures + 1, plan.Count);
        Assert.Equal(nameof(SitePlan), plan.Lead.EntityType);
        Assert.Equal(TheatreName, plan.Lead.Record!.Site);
        Assert.Equal(ArenaManager, plan.UserName);
        // The site's own creation is a group of its own, named by the site.
        var created = Assert.Single(page.Groups, g => g.Lead.EntityType == AuditEntityTypes.Site);
        Assert.Equal(TheatreName, created.Lead.Record!.Name);
        Assert.True(page.Groups.Count < plan.Count, "the plan's measures are not rows of their own");
    }

    [Fact]
    public async Task A_measure_change_names_the_measure_by_key_and_title_and_its_site()
    {
        var siteId = await TheatreWithPlanAsync();
        var measure = await ChangeAMeasureAsync(siteId);

        var page = await Fixture.AsAsync<AuditPage, AuditTrail>(Auditor, t => t.ListAsync(
            new AuditFilter(EntityType: nameof(PlanMeasure), EntityId: measure.Id.ToString(), Action: AuditAction.Updated), new PageRequest(0, 25)));

        var item = Assert.Single(page.Items);
        Assert.StartsWith(measure.MeasureKey + " ", item.Record!.Name);
        Assert.True(item.Record.Name.Length > measure.MeasureKey.Length + 3, item.Record.Name);
        Assert.Equal(TheatreName, item.Record.Site);
        var details = await Fixture.AsAsync<AuditEntryDetails?, AuditTrail>(Auditor, t => t.GetAsync(item.Id));
        var status = Assert.Single(details!.Changes.Rows, r => r.Property == nameof(PlanMeasure.Status));
        Assert.Equal(nameof(MeasureStatus.Implemented), status.After);
    }

    [Fact]
    public async Task A_person_recorded_by_id_reads_by_name_in_the_details()
    {
        var page = await Fixture.AsAsync<AuditPage, AuditTrail>(Auditor, t => t.ListAsync(
            new AuditFilter(EntityType: "Finding", Action: AuditAction.Created), new PageRequest(0, 1)));
        var item = Assert.Single(page.Items);

        var details = await Fixture.AsAsync<AuditEntryDetails?, AuditTrail>(Auditor, t => t.GetAsync(item.Id));

        var author = Assert.Single(details!.Changes.Rows, r => r.Property == "AuthorId");
        await using var db = Fixture.NewDbContext();
        var user = await db.Users.SingleAsync(u => u.Id == author.After);
        Assert.Equal($"{user.DisplayName} ({user.Email})", author.AfterName);
    }

    [Fact]
    public async Task The_czech_csv_export_uses_semicolons_and_reads_fields_and_values_in_czech()
    {
        var siteId = await TheatreWithPlanAsync();
        var measure = await ChangeAMeasureAsync(siteId);
        var client = await Fixture.SignedInClientAsync(Auditor);

        var response = await client.GetAsync($"/audit/export.csv?entityType=PlanMeasure&entityId={measure.Id}&action=Updated&culture=cs&ui-culture=cs");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var lines = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("Kdy;Kdo;Organizace;Typ záznamu;Záznam;Objekt;Úkon;Změny;", lines[0]);
        var cells = Fields(lines[1], ';');
        Assert.Equal("Opatření plánu", cells[3]);
        Assert.StartsWith($"Opatření plánu {measure.MeasureKey} ", cells[4]);
        Assert.Equal(TheatreName, cells[5]);
        Assert.Equal("Změněno", cells[6]);
        Assert.Contains("Stav: Nezahájeno → Zavedeno", cells[7]);
        Assert.Contains("Odpovědná osoba: (prázdné) → Petra Horáková", cells[7]);
        Assert.Contains($"Termín: (prázdné) → {new DateOnly(2027, 12, 1).ToString("d", new System.Globalization.CultureInfo("cs"))}", cells[7]);
    }

    [Fact]
    public async Task The_english_csv_export_uses_commas_unless_semicolons_are_chosen()
    {
        var siteId = await TheatreWithPlanAsync();
        var client = await Fixture.SignedInClientAsync(Auditor);
        var query = $"entityType=Site&entityId={siteId}";

        var comma = await (await client.GetAsync($"/audit/export.csv?{query}")).Content.ReadAsStringAsync();
        var semicolon = await (await client.GetAsync($"/audit/export.csv?{query}&separator=semicolon")).Content.ReadAsStringAsync();

        Assert.StartsWith("When,Who,Organisation,Record type,Record,Site,Action,Changes,", comma.TrimStart('\uFEFF'));
        Assert.StartsWith("When;Who;Organisation;Record type;Record;Site;Action;Changes;", semicolon.TrimStart('\uFEFF'));
    }

    [Fact]
    public async Task The_xlsx_export_has_one_row_per_entry_with_the_record_named()
    {
        var siteId = await TheatreWithPlanAsync();
        await using var db = Fixture.NewDbContext();
        var measures = await db.PlanMeasures.CountAsync(m => m.SiteId == siteId);
        var client = await Fixture.SignedInClientAsync(Auditor);

        var response = await client.GetAsync($"/audit/export.xlsx?entityType=Site&entityId={siteId}&parts=true");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var rows = document.WorkbookPart!.WorksheetParts.Single().Worksheet!.Descendants<Row>()
            .Select(r => r.Elements<Cell>().Select(c => c.InnerText).ToList()).ToList();
        Assert.Equal(["When", "Who", "Organisation", "Record type", "Record", "Site", "Action", "Changes", "Record id"], rows[0]);
        Assert.Equal(1 + 1 + 1 + measures, rows.Count); // the header, the site, the plan and its measures
        Assert.Contains(rows, r => r[3] == "Plan revision" && r[4] == "Plan revision 1" && r[5] == TheatreName && r[6] == "Created");
        Assert.Contains(rows, r => r[3] == "Site" && r[4] == $"Site {TheatreName}" && r[7].Contains($"Name: (empty) → {TheatreName}"));
        Assert.Contains(rows, r => r[3] == "Site" && r[7].Contains("Venue type: (empty) → Theat"));
    }

    /// <summary>The fields of one CSV line, quotes honoured.</summary>
    private static List<string> Fields(string line, char separator)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
            else if (c == '"') quoted = !quoted;
            else if (c == separator && !quoted) { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }
        fields.Add(field.ToString());
        return fields;
    }

    private async Task<Guid> TheatreWithPlanAsync()
    {
        var manager = await Fixture.ActorAsync(ArenaManager);
        var siteId = await Fixture.AsAsync<Guid, SiteService>(ArenaManager, s => s.CreateAsync(manager.OrganizationId!.Value, Theatre));
        await Fixture.AsAsync<int, PlanService>(ArenaManager, p => p.GenerateAsync(siteId));
        return siteId;
    }

    private async Task<PlanMeasure> ChangeAMeasureAsync(Guid siteId)
    {
        await using var db = Fixture.NewDbContext();
        var measure = await db.PlanMeasures.AsNoTracking().Where(m => m.SiteId == siteId && m.IsApplicable).OrderBy(m => m.MeasureKey).FirstAsync();
        await Fixture.AsAsync<uint, MeasureTracking>(ArenaManager, t => t.UpdateAsync(measure.Id,
            new MeasureUpdate(MeasureStatus.Implemented, "", "Petra Horáková", new DateOnly(2027, 12, 1), 12, null), measure.Version));
        return measure;
    }
}
