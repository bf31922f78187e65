using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SoftTargets.Core.Domain.Readiness;
using SoftTargets.Core.Domain.Sites;

namespace SoftTargets.Core.Data.Configurations;

internal sealed class IncidentConfiguration : IEntityTypeConfiguration<Incident>
{
    public void Configure(EntityTypeBuilder<Incident> builder)
    {
        builder.ConfigureAuditFields();
        builder.HasOne<Site>().WithMany().HasForeignKey(i => i.SiteId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => new { i.SiteId, i.OccurredAt });
        builder.Property(i => i.ThreatKey).HasMaxLength(100);
        builder.Property(i => i.Summary).HasMaxLength(8000);
    }
}
