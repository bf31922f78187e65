using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SoftTargets.Core.Domain.Readiness;
using SoftTargets.Core.Domain.Sites;

namespace SoftTargets.Core.Data.Configurations;

internal sealed class DrillConfiguration : IEntityTypeConfiguration<Drill>
{
    public void Configure(EntityTypeBuilder<Drill> builder)
    {
        builder.ConfigureAuditFields();
        builder.HasOne<Site>().WithMany().HasForeignKey(d => d.SiteId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => new { d.SiteId, d.HeldOn });
        builder.Property(d => d.ThreatKey).HasMaxLength(100);
        builder.Property(d => d.AfterActionNotes).HasMaxLength(8000);
    }
}
