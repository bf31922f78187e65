using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Domain.Plans;
using SoftTargets.Core.Domain.Sites;

namespace SoftTargets.Core.Data.Configurations;

internal sealed class SitePlanConfiguration : IEntityTypeConfiguration<SitePlan>
{
    public void Configure(EntityTypeBuilder<SitePlan> builder)
    {
        builder.ConfigureAuditFields();
        builder.HasOne<Site>().WithMany().HasForeignKey(p => p.SiteId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<MethodologyVersion>().WithMany().HasForeignKey(p => p.MethodologyVersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.SiteId, p.Revision }).IsUnique();
        builder.Property(p => p.Tier).HasMaxLength(50);
        builder.Property(p => p.InputsHash).HasMaxLength(64);
        builder.Property(p => p.Document).HasConversion(d => d.Json, json => new StoredGuideline(json)).HasColumnType("jsonb");
    }
}
