using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SoftTargets.Core.Data.Seed;
using SoftTargets.Core.Features.Guidelines;
using SoftTargets.Core.Features.Plans;
using SoftTargets.Core.Features.Plans.Export;
using SoftTargets.Core.Features.Plans.Storage;
using SoftTargets.Core.Features.Sites;
using SoftTargets.Core.Security;
using SoftTargets.IntegrationTests.Infrastructure;
using SoftTargets.IntegrationTests.Methodology;
using SoftTargets.Web.Cli;
using Xunit.Abstractions;

namespace SoftTargets.IntegrationTests.Plans;

/// <summary>
/// Plan revisions are stored compact and read back whole from their methodology version; revisions stored whole (as
/// every revision was before) read the same, and the compaction rewrites them in a fraction of the space.
/// </summary>
public sealed class PlanStorageTests(DatabaseFixture fixture, ITestOutputHelper output) : DatabaseTest(fixture)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    [Fact]
    public async Task Generated_plans_are_stored_compact_and_read_exactly_as_the_generator_made_them_under_either_methodology()
    {
        await SecondMethodology.PublishAsync(Fixture);
        var organization = (await Fixture.ActorAsync(ArenaManager)).OrganizationId!.Value;
        var theatre = await Fixture.AsAsync<Guid, SiteService>(ArenaManager, s => s.CreateAsync(organization, SecondMethodology.Theatre()));
        await Fixture.AsAsync<int, PlanService>(ArenaManager, p => p.GenerateAsync(theatre));
        await RegenerateAllAsync();

        var expected = await GenerateLatestAsync(null);
        await using var db = Fixture.NewDbContext();
        Assert.Contains(theatre, expected.Keys);
        Assert.True(expected.Count >= 5, $"{expected.Count} sites");
        foreach (var (siteId, (planId, guideline)) in expected)
        {
            var plan = await db.SitePlans.SingleAsync(p => p.Id == planId);
            Assert.True(PlanDocuments.IsCompact(plan.Document), siteId.ToString());
            Assert.Equal(JsonSerializer.Serialize(guideline, Json), JsonSerializer.Serialize(await PlanDocuments.ReadAsync(db, plan), Json));
        }
    }

    [Fact]
    public async Task Demo_plans_stored_whole_read_the_same_before_and_after_compaction_which_makes_them_much_smaller()
    {
        var stadium = await SiteIdAsync("Slezská aréna");
        var sizes = await StoreWholeThenCompactAsync(null, stadium);
        output.WriteLine($"Demo plans: {sizes}");
        Assert.True(sizes.CompactColumn * 8 < sizes.WholeColumn, sizes.ToString());
        Assert.True(sizes.CompactText * 4 < sizes.WholeText, sizes.ToString());
        await AssertGeneratedAsync(null, sizes);
    }

    [Fact]
    public async Task Synthetic_plans_stored_whole_read_the_same_before_and_after_compaction_which_makes_them_much_smaller()
    {
        var exit = await CommandLine.RunAsync(Fixture.Factory.Services, ["seed-synthetic", "--sites", "80"], output: new StringWriter(), error: new StringWriter());
        Assert.Equal(CommandLine.Ok, exit);

        var sizes = await StoreWholeThenCompactAsync(SyntheticSeeder.By, null);
        output.WriteLine($"Synthetic plans: {sizes}");
        Assert.Equal(80, sizes.Plans);
        Assert.True(sizes.CompactColumn * 8 < sizes.WholeColumn, sizes.ToString());
        await AssertGeneratedAsync(SyntheticSeeder.By, sizes);
    }

    /// <summary>A revision generated now is stored compact from the start, as small as a compacted one.</summary>
    private async Task AssertGeneratedAsync(string? createdBy, Sizes before)
    {
        await RegenerateAllAsync();
        var generated = (await GenerateLatestAsync(createdBy)).Values.Select(v => v.PlanId).ToArray();
        var (column, text) = await SizesAsync(generated);
        output.WriteLine($"Generated now: {column / generated.Length:N0} B stored ({text / generated.Length:N0} B JSON) per revision");
        Assert.True(text / generated.Length * 8 < before.WholeText, $"{text / generated.Length} B JSON");
        await AssertReadAsync(await GenerateLatestAsync(createdBy), compact: true);
    }

    [Fact]
    public async Task Compact_plans_is_an_operator_verb_that_leaves_nothing_to_do_on_a_second_run()
    {
        var output1 = new StringWriter();
        Assert.Equal(CommandLine.Ok, await CommandLine.RunAsync(Fixture.Factory.Services, ["compact-plans"], output: output1, error: new StringWriter()));
        Assert.Contains("Stored 0 plans compact; 0 stay whole.", output1.ToString());
    }

    /// <summary>Average bytes per revision: as stored by PostgreSQL (<c>pg_column_size</c>, compressed) and as JSON text.</summary>
    private sealed record Sizes(int Plans, long WholeColumn, long WholeText, long CompactColumn, long CompactText)
    {
        public override string ToString() =>
            $"{Plans} revisions; whole {WholeColumn:N0} B stored ({WholeText:N0} B JSON), compact {CompactColumn:N0} B stored ({CompactText:N0} B JSON) per revision";
    }

    /// <summary>
    /// Writes each chosen site's latest revision in the whole form, as revisions were written before (the generator's
    /// guideline serialised directly), reads it, compacts and reads again; returns the average sizes before and after.
    /// </summary>
    private async Task<Sizes> StoreWholeThenCompactAsync(string? createdBy, Guid? planPageOf)
    {
        var expected = await GenerateLatestAsync(createdBy);
        var ids = expected.Values.Select(v => v.PlanId).ToArray();
        await using (var db = Fixture.NewDbContext())
            foreach (var (planId, guideline) in expected.Values)
                await db.Database.ExecuteSqlAsync($"""UPDATE "SitePlans" SET "Document" = {JsonSerializer.Serialize(guideline, Json)}::jsonb WHERE "Id" = {planId}""");
        var (wholeColumn, wholeText) = await SizesAsync(ids);
        await AssertReadAsync(expected, compact: false);
        var pageBefore = planPageOf is { } site ? await PlanPageAsync(site) : null;

        var result = await CompactAsync();
        Assert.Equal((ids.Length, 0), (result.Compacted, result.KeptWhole));
        var (compactColumn, compactText) = await SizesAsync(ids);
        await AssertReadAsync(expected, compact: true);
        if (planPageOf is { } again)
            Assert.Equal(pageBefore, await PlanPageAsync(again));
        Assert.Equal(new PlanCompactionResult(0, 0), await CompactAsync());
        return new Sizes(ids.Length, wholeColumn / ids.Length, wholeText / ids.Length, compactColumn / ids.Length, compactText / ids.Length);
    }

    private async Task AssertReadAsync(Dictionary<Guid, (Guid PlanId, Core.Domain.Plans.Guideline Guideline)> expected, bool compact)
    {
        await using var db = Fixture.NewDbContext();
        var plans = await db.SitePlans.AsNoTracking().Where(p => expected.Values.Select(v => v.PlanId).Contains(p.Id)).ToDictionaryAsync(p => p.Id);
        foreach (var (planId, guideline) in expected.Values)
        {
            Assert.Equal(compact, PlanDocuments.IsCompact(plans[planId].Document));
            Assert.Equal(JsonSerializer.Serialize(guideline, Json), JsonSerializer.Serialize(await PlanDocuments.ReadAsync(db, plans[planId]), Json));
        }
    }

    /// <summary>What the plan page and the Word export are given for the site, as JSON.</summary>
    private async Task<string> PlanPageAsync(Guid siteId)
    {
        var page = await Fixture.AsAsync<PlanView?, PlanQueries>(Auditor, q => q.GetAsync(siteId, withExcluded: true));
        var export = await Fixture.AsAsync<PlanExportData?, PlanQueries>(Auditor, q => q.GetExportDataAsync(siteId, CultureInfo.GetCultureInfo("cs-CZ")));
        Assert.NotNull(page?.Plan);
        return JsonSerializer.Serialize(page, Json) + JsonSerializer.Serialize(export!.Guideline, Json);
    }

    /// <summary>Each site's latest revision and the guideline the generator makes for the site now, from that revision's version.</summary>
    private async Task<Dictionary<Guid, (Guid PlanId, Core.Domain.Plans.Guideline Guideline)>> GenerateLatestAsync(string? createdBy)
    {
        await using var db = Fixture.NewDbContext();
        var sites = await SiteQueries.WithParts(db.Sites.AsNoTracking().Where(s => createdBy == null || s.CreatedBy == createdBy)).ToListAsync();
        var heads = await db.SitePlans.GroupBy(p => p.SiteId).Select(g => g.OrderByDescending(p => p.Revision).Select(p => new { p.Id, p.SiteId, p.MethodologyVersionId }).First()).ToListAsync();
        var versions = await db.MethodologyVersions.AsNoTracking().ToDictionaryAsync(v => v.Id);
        var generators = new Dictionary<Guid, GuidelineGenerator>();
        var result = new Dictionary<Guid, (Guid, Core.Domain.Plans.Guideline)>();
        foreach (var site in sites)
        {
            if (heads.FirstOrDefault(h => h.SiteId == site.Id) is not { } head) continue;
            if (!generators.TryGetValue(head.MethodologyVersionId, out var generator))
                generators[head.MethodologyVersionId] = generator = new GuidelineGenerator(versions[head.MethodologyVersionId].Content, head.MethodologyVersionId.ToString());
            result[site.Id] = (head.Id, generator.Generate(SiteSnapshot.Of(site)));
        }
        return result;
    }

    private async Task<(long Column, long Text)> SizesAsync(Guid[] ids)
    {
        await using var db = Fixture.NewDbContext();
        var row = await db.Database.SqlQuery<SizeRow>(
            $"""SELECT sum(pg_column_size("Document"))::bigint AS "Column", sum(octet_length("Document"::text))::bigint AS "Text" FROM "SitePlans" WHERE "Id" = ANY({ids})""").SingleAsync();
        return (row.Column, row.Text);
    }

    private sealed record SizeRow(long Column, long Text);

    private async Task RegenerateAllAsync()
    {
        await using var scope = Fixture.Factory.Services.CreateAsyncScope();
        using var system = SystemScope.Begin();
        await scope.ServiceProvider.GetRequiredService<PlanRegeneration>().RegenerateAllAsync();
    }

    private async Task<PlanCompactionResult> CompactAsync()
    {
        await using var scope = Fixture.Factory.Services.CreateAsyncScope();
        using var system = SystemScope.Begin();
        return await scope.ServiceProvider.GetRequiredService<PlanCompaction>().CompactAsync(batchSize: 7);
    }
}
