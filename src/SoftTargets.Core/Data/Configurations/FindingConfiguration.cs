using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SoftTargets.Core.Domain.Compliance;
using SoftTargets.Core.Domain.Plans;
using SoftTargets.Core.Domain.Sites;
using SoftTargets.Core.Domain.Users;

namespace SoftTargets.Core.Data.Configurations;

internal sealed class FindingConfiguration : IEntityTypeConfiguration<Finding>
{
    public void Configure(EntityTypeBuilder<Finding> builder)
    {
        builder.ConfigureAuditFields();
        builder.HasOne<Site>().WithMany().HasForeignKey(f => f.SiteId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PlanMeasure>().WithMany().HasForeignKey(f => f.PlanMeasureId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(f => f.AuthorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(f => new { f.Status, f.DueDate });
        builder.Property(f => f.Title).HasMaxLength(300);
        builder.Property(f => f.Text).HasMaxLength(8000);
        builder.Property(f => f.Answer).HasMaxLength(8000);
    }
}
