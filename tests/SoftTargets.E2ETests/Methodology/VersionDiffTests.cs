using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SoftTargets.Core.Data;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Features.Methodology;
using SoftTargets.E2ETests.Infrastructure;

namespace SoftTargets.E2ETests.Methodology;

/// <summary>The comparison of two versions names each changed field with its value before and after, and counts in words.</summary>
public sealed class VersionDiffTests(AppFixture app) : BrowserTest(app)
{
    protected override bool ChangesData => true;

    [Fact]
    public async Task A_draft_with_one_changed_measure_reads_1_difference_with_the_priority_and_Czech_title_before_and_after()
    {
        var (published, draft) = await DraftChangingOneMeasureAsync();
        await SignInAsync(Editor);
        await GoToAsync($"/methodology/diff?from={published}&to={draft}");

        await Assertions.Expect(Page.Locator("#diff-summary")).ToContainTextAsync("1 difference.");
        var priority = Page.Locator("#diff-measure .diff-change[data-field='priority']");
        await Assertions.Expect(priority.Locator(".diff-before")).ToContainTextAsync("Essential");
        await Assertions.Expect(priority.Locator(".diff-after")).ToContainTextAsync("Recommended");
        var title = Page.Locator("#diff-measure .diff-change[data-field='title']");
        await Assertions.Expect(title).ToContainTextAsync("Title (Czech)");
        await Assertions.Expect(title.Locator(".diff-before")).ToContainTextAsync("Určit vedoucího bezpečnosti a jeho zástupce");
        await Assertions.Expect(title.Locator(".diff-after")).ToContainTextAsync("Jmenovat vedoucího bezpečnosti");
        await AssertAccessibleAsync();

        await Page.ClickAsync("#culture-cs");
        await Page.WaitForFunctionAsync("() => document.documentElement.lang === 'cs'");
        await Assertions.Expect(Page.Locator("#diff-summary")).ToContainTextAsync("1 rozdíl.");
        await AssertAccessibleAsync();
    }

    /// <summary>The open draft of the seeded methodology, made the published version with GOV-01 recommended and renamed in Czech.</summary>
    private Task<(Guid Published, Guid Draft)> DraftChangingOneMeasureAsync() => App.WithServicesAsync(async services =>
    {
        var db = services.GetRequiredService<SoftTargetsDbContext>();
        var methodologyId = await db.Methodologies.Where(m => m.Code == "cz-soft-targets").Select(m => m.Id).SingleAsync();
        var source = (await db.MethodologyVersions.AsNoTracking()
            .Where(v => v.MethodologyId == methodologyId && v.Status == MethodologyVersionStatus.Published).ToListAsync()).MaxBy(v => v.Number)!;
        var authoring = services.GetRequiredService<MethodologyAuthoring>();
        var draftId = await authoring.StartDraftAsync(source.MethodologyId);
        var draft = (await authoring.GetAsync(draftId))!;
        var measures = source.Content.Measures.Select(m => m.Key == "GOV-01"
            ? m with { Priority = MeasurePriority.Recommended, Title = m.Title with { Cs = "Jmenovat vedoucího bezpečnosti" } }
            : m).ToList();
        await authoring.SaveAsync(draftId, source.Content with { Measures = measures }, draft.Version);
        return (source.Id, draftId);
    });
}
