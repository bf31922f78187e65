using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Readiness;
using SoftTargets.Core.Domain.Sites;

namespace SoftTargets.Core.Data.Configurations;

internal sealed class PlaybookRunConfiguration : IEntityTypeConfiguration<PlaybookRun>
{
    public void Configure(EntityTypeBuilder<PlaybookRun> builder)
    {
        builder.ConfigureAuditFields();
        builder.HasOne<Site>().WithMany().HasForeignKey(r => r.SiteId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.SiteId, r.HeldOn });
        // The coverage figures read the year's drills from this index alone.
        builder.HasIndex(r => new { r.Kind, r.HeldOn }).IncludeProperties(r => new { r.SiteId, r.FinishedAt, r.DoneProcedures });
        builder.Property(r => r.DoneProcedures).HasConversion<short>();
        builder.Property(r => r.PlaybookKey).HasMaxLength(100);
        builder.Property(r => r.ThreatKey).HasMaxLength(100);
        builder.ComplexProperty(r => r.ThreatName, Texts);
        builder.Property(r => r.ZoneName).HasMaxLength(200);
        builder.Property(r => r.Scenario).HasMaxLength(RunMessages.MaxScenarioLength);
        builder.Property(r => r.Lessons).HasMaxLength(RunMessages.MaxLessonsLength);
        builder.Property(r => r.Outcome).HasMaxLength(RunMessages.MaxOutcomeLength);
        builder.Ignore(r => r.IsFinished);
        builder.Ignore(r => r.TimeToReopen);
        builder.HasMany(r => r.Steps).WithOne().HasForeignKey(s => s.RunId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Steps).HasField("steps").UsePropertyAccessMode(PropertyAccessMode.Field);
    }

    internal static void Texts(ComplexPropertyBuilder<LocalizedText> text)
    {
        text.Property(t => t.En).HasMaxLength(4000);
        text.Property(t => t.Cs).HasMaxLength(4000);
    }
}
