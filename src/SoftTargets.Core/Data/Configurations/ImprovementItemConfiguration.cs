using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SoftTargets.Core.Domain.Compliance;
using SoftTargets.Core.Domain.Readiness;
using SoftTargets.Core.Domain.Sites;

namespace SoftTargets.Core.Data.Configurations;

internal sealed class ImprovementItemConfiguration : IEntityTypeConfiguration<ImprovementItem>
{
    public void Configure(EntityTypeBuilder<ImprovementItem> builder)
    {
        builder.ConfigureAuditFields();
        builder.HasOne<Site>().WithMany().HasForeignKey(i => i.SiteId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PlaybookRun>().WithMany().HasForeignKey(i => i.RunId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Finding>().WithMany().HasForeignKey(i => i.FindingId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(i => new { i.SiteId, i.Status, i.DueDate });
        builder.HasIndex(i => i.MeasureKey);
        builder.HasIndex(i => i.StepKey);
        builder.Property(i => i.Title).HasMaxLength(RunMessages.MaxTitleLength);
        builder.Property(i => i.Owner).HasMaxLength(RunMessages.MaxNameLength);
        builder.Property(i => i.MeasureKey).HasMaxLength(100);
        builder.Property(i => i.StepKey).HasMaxLength(100);
    }
}
