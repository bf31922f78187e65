using Microsoft.EntityFrameworkCore;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Plans;
using SoftTargets.Core.Features.Plans;
using SoftTargets.IntegrationTests.Infrastructure;

namespace SoftTargets.IntegrationTests.Plans;

public sealed class MeasureTrackingTests(DatabaseFixture fixture) : DatabaseTest(fixture)
{
    private static readonly DateOnly Effective = new(2026, 11, 1);
    private static readonly byte[] Pdf = [.. "%PDF-1.7\n"u8.ToArray(), .. new byte[200]];

    [Fact]
    public async Task A_venue_manager_marks_a_measure_implemented_with_an_evidence_file_and_its_hash_is_kept()
    {
        var measure = await MeasureAsync("Slezská aréna");

        var version = await Fixture.AsAsync<uint, MeasureTracking>(ArenaManager, t => t.UpdateAsync(measure.Id,
            new MeasureUpdate(MeasureStatus.Implemented, "", "Petra Horáková", null, 12, new DateOnly(2027, 11, 1)), measure.Version));
        var evidenceId = await Fixture.AsAsync<Guid, MeasureTracking>(ArenaManager, t => t.AddEvidenceAsync(measure.Id, "C:\\scans\\drill-report.pdf", new MemoryStream(Pdf), Effective));

        await using var db = Fixture.NewDbContext();
        var saved = await db.PlanMeasures.Include(m => m.Evidence).SingleAsync(m => m.Id == measure.Id);
        Assert.NotEqual(measure.Version, version);
        Assert.Equal(MeasureStatus.Implemented, saved.Status);
        Assert.Equal(ArenaManager, saved.StatusChangedBy);
        Assert.Equal("Petra Horáková", saved.Owner);
        var evidence = Assert.Single(saved.Evidence);
        Assert.Equal(evidenceId, evidence.Id);
        Assert.Equal("drill-report.pdf", evidence.FileName);
        Assert.Equal("application/pdf", evidence.ContentType);
        Assert.Equal(Pdf.Length, evidence.Size);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Pdf)), evidence.Sha256);
    }

    public static TheoryData<string, byte[], string> RefusedFiles => new()
    {
        { "virus.exe", [0x4D, 0x5A, 0x90, 0x00], "EvidenceType" },
        { "fake.pdf", "just text"u8.ToArray(), "EvidenceType" },
        { "empty.txt", [], "EvidenceEmpty" },
        { "huge.pdf", [.. "%PDF"u8.ToArray(), .. new byte[MeasureTracking.MaxEvidenceBytes]], "EvidenceTooLarge" },
    };

    // Discovery would serialise the 10 MB row byte by byte (minutes, gigabytes): the rows are read when the test runs.
    [Theory]
    [MemberData(nameof(RefusedFiles), DisableDiscoveryEnumeration = true)]
    public async Task A_refused_evidence_file_gets_a_reason_and_nothing_is_stored(string fileName, byte[] content, string code)
    {
        var measure = await MeasureAsync("Slezská aréna");
        var before = await EvidenceCountAsync();

        var error = await Assert.ThrowsAsync<EvidenceRejectedException>(() =>
            Fixture.AsAsync<Guid, MeasureTracking>(ArenaManager, t => t.AddEvidenceAsync(measure.Id, fileName, new MemoryStream(content), Effective)));

        Assert.Equal(code, error.Code);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
        Assert.Equal(before, await EvidenceCountAsync());
    }

    [Fact]
    public async Task Another_organisation_can_neither_see_nor_change_the_measure()
    {
        var measure = await MeasureAsync("Slezská aréna");

        await Assert.ThrowsAsync<NotFoundException>(() => Fixture.AsAsync<uint, MeasureTracking>(SchoolManager, t => t.UpdateAsync(measure.Id,
            new MeasureUpdate(MeasureStatus.Implemented, "", "", null, 12, null), measure.Version)));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Fixture.AsAsync<uint, MeasureTracking>(Auditor, t => t.UpdateAsync(measure.Id,
            new MeasureUpdate(MeasureStatus.Implemented, "", "", null, 12, null), measure.Version)));
    }

    [Fact]
    public async Task Not_applicable_needs_a_justification_and_saves_nothing_without_one()
    {
        var measure = await MeasureAsync("Slezská aréna");

        await Assert.ThrowsAsync<ValidationFailedException>(() => Fixture.AsAsync<uint, MeasureTracking>(ArenaManager, t => t.UpdateAsync(measure.Id,
            new MeasureUpdate(MeasureStatus.NotApplicable, " ", "", null, 12, null), measure.Version)));

        await using var db = Fixture.NewDbContext();
        Assert.Equal(measure.Status, (await db.PlanMeasures.SingleAsync(m => m.Id == measure.Id)).Status);
    }

    [Fact]
    public async Task Evidence_is_readable_by_auditors_and_hidden_from_other_organisations()
    {
        var measure = await MeasureAsync("Slezská aréna");
        var evidenceId = await Fixture.AsAsync<Guid, MeasureTracking>(ArenaManager, t => t.AddEvidenceAsync(measure.Id, "roster.csv", new MemoryStream("name,gate\n"u8.ToArray()), Effective));

        var forAuditor = await Fixture.AsAsync<(string, string, byte[])?, MeasureTracking>(Auditor, t => t.GetEvidenceAsync(evidenceId));
        var forOther = await Fixture.AsAsync<(string, string, byte[])?, MeasureTracking>(SchoolManager, t => t.GetEvidenceAsync(evidenceId));

        Assert.Equal("roster.csv", forAuditor?.Item1);
        Assert.Null(forOther);
    }

    private async Task<PlanMeasure> MeasureAsync(string siteName)
    {
        var siteId = await SiteIdAsync(siteName);
        await using var db = Fixture.NewDbContext();
        return await db.PlanMeasures.AsNoTracking().Where(m => m.SiteId == siteId && m.Status != MeasureStatus.Implemented).OrderBy(m => m.MeasureKey).FirstAsync();
    }

    private async Task<int> EvidenceCountAsync()
    {
        await using var db = Fixture.NewDbContext();
        return await db.Evidence.CountAsync();
    }
}
