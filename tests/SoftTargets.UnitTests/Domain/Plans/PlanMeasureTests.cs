using System.Text;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Domain.Plans;

namespace SoftTargets.UnitTests.Domain.Plans;

public class PlanMeasureTests
{
    private static readonly DateTimeOffset ChangedAt = new(2026, 4, 2, 14, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly EffectiveDate = new(2026, 4, 1);

    private static PlanMeasure NewMeasure() => new(Guid.NewGuid(), "M-ACC-01", MeasurePriority.Essential, isApplicable: true);

    [Fact]
    public void A_new_measure_is_not_started_and_has_no_status_change_recorded()
    {
        var measure = NewMeasure();

        Assert.Equal(MeasureStatus.NotStarted, measure.Status);
        Assert.Null(measure.StatusChangedAt);
        Assert.Null(measure.StatusChangedBy);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Marking_not_applicable_without_a_justification_is_rejected(string justification)
    {
        var measure = NewMeasure();

        var ex = Assert.Throws<ValidationFailedException>(() =>
            measure.ChangeStatus(MeasureStatus.NotApplicable, justification, "manager-1", ChangedAt));

        Assert.Contains(nameof(PlanMeasure.Justification), ex.Errors.Keys);
        Assert.Equal(MeasureStatus.NotStarted, measure.Status);
        Assert.Null(measure.StatusChangedBy);
    }

    [Fact]
    public void Marking_not_applicable_with_a_justification_keeps_it_trimmed()
    {
        var measure = NewMeasure();

        measure.ChangeStatus(MeasureStatus.NotApplicable, "  The site has no car park.  ", "manager-1", ChangedAt);

        Assert.Equal(MeasureStatus.NotApplicable, measure.Status);
        Assert.Equal("The site has no car park.", measure.Justification);
    }

    [Theory]
    [InlineData(MeasureStatus.InProgress)]
    [InlineData(MeasureStatus.Implemented)]
    [InlineData(MeasureStatus.NotStarted)]
    public void Other_statuses_need_no_justification(MeasureStatus status)
    {
        var measure = NewMeasure();

        measure.ChangeStatus(status, "", "manager-1", ChangedAt);

        Assert.Equal(status, measure.Status);
    }

    [Fact]
    public void A_status_change_records_who_and_when()
    {
        var measure = NewMeasure();
        measure.ChangeStatus(MeasureStatus.InProgress, "", "manager-1", ChangedAt);

        measure.ChangeStatus(MeasureStatus.Implemented, "", "manager-2", ChangedAt.AddHours(3));

        Assert.Equal(MeasureStatus.Implemented, measure.Status);
        Assert.Equal("manager-2", measure.StatusChangedBy);
        Assert.Equal(ChangedAt.AddHours(3), measure.StatusChangedAt);
    }

    [Fact]
    public void Adding_evidence_records_its_size_and_lowercase_hex_sha256()
    {
        var measure = NewMeasure();
        var content = Encoding.ASCII.GetBytes("hello");

        var evidence = measure.AddEvidence("report.pdf", "application/pdf", content, EffectiveDate);

        Assert.Equal(5, evidence.Size);
        Assert.Equal("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824", evidence.Sha256);
        Assert.Equal("application/pdf", evidence.ContentType);
        Assert.Equal(EffectiveDate, evidence.EffectiveDate);
        Assert.Equal(measure.Id, evidence.PlanMeasureId);
        Assert.Same(evidence, Assert.Single(measure.Evidence));
    }

    [Fact]
    public void Empty_evidence_has_size_zero_and_the_sha256_of_nothing()
    {
        var evidence = NewMeasure().AddEvidence("empty.txt", "text/plain", [], EffectiveDate);

        Assert.Equal(0, evidence.Size);
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", evidence.Sha256);
    }

    [Theory]
    [InlineData("report.pdf", "report.pdf")]
    [InlineData("scans/2026/report.pdf", "report.pdf")]
    [InlineData("/var/tmp/report.pdf", "report.pdf")]
    [InlineData("../../etc/report.pdf", "report.pdf")]
    public void Adding_evidence_strips_directories_from_the_file_name(string given, string stored)
    {
        var evidence = NewMeasure().AddEvidence(given, "application/pdf", [1, 2, 3], EffectiveDate);

        Assert.Equal(stored, evidence.FileName);
    }

    [Theory]
    [InlineData(@"C:\Users\manager\Documents\report.pdf", "report.pdf")]
    [InlineData(@"..\..\report.pdf", "report.pdf")]
    public void Adding_evidence_strips_windows_directories_from_the_file_name(string given, string stored)
    {
        var evidence = NewMeasure().AddEvidence(given, "application/pdf", [1, 2, 3], EffectiveDate);

        Assert.Equal(stored, evidence.FileName);
    }

    [Fact]
    public void Assigning_sets_trimmed_owner_and_dates()
    {
        var measure = NewMeasure();

        measure.Assign("  Jana Nováková ", new DateOnly(2026, 6, 30), 12, new DateOnly(2027, 6, 30));

        Assert.Equal("Jana Nováková", measure.Owner);
        Assert.Equal(new DateOnly(2026, 6, 30), measure.DueDate);
        Assert.Equal(new DateOnly(2027, 6, 30), measure.NextReview);
    }
}
