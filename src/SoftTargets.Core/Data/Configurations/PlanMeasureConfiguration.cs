using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SoftTargets.Core.Domain.Plans;
using SoftTargets.Core.Domain.Sites;

namespace SoftTargets.Core.Data.Configurations;

/// <summary>The plan-measure aggregate: the tracked state of a measure and its evidence files.</summary>
internal sealed class PlanMeasureConfiguration : IEntityTypeConfiguration<PlanMeasure>
{
    public void Configure(EntityTypeBuilder<PlanMeasure> builder)
    {
        builder.ConfigureAuditFields();
        builder.HasOne<Site>().WithMany().HasForeignKey(m => m.SiteId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => new { m.SiteId, m.MeasureKey }).IsUnique();
        builder.HasIndex(m => new { m.Status, m.Priority });
        builder.HasIndex(m => m.DueDate);
        builder.HasIndex(m => m.NextReview);
        builder.Property(m => m.MeasureKey).HasMaxLength(100);
        builder.Property(m => m.Owner).HasMaxLength(200);
        builder.Property(m => m.Justification).HasMaxLength(4000);
        builder.Property(m => m.StatusChangedBy).HasMaxLength(256);
        builder.HasMany(m => m.Evidence).WithOne().HasForeignKey(e => e.PlanMeasureId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(m => m.Evidence).HasField("_evidence");
    }
}

internal sealed class EvidenceConfiguration : IEntityTypeConfiguration<Evidence>
{
    public void Configure(EntityTypeBuilder<Evidence> builder)
    {
        builder.ConfigureAuditFields();
        builder.Property(e => e.FileName).HasMaxLength(255);
        builder.Property(e => e.ContentType).HasMaxLength(100);
        builder.Property(e => e.Sha256).HasMaxLength(64).IsFixedLength();
    }
}
