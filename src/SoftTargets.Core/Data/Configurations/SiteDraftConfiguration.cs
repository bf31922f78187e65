using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SoftTargets.Core.Domain.Organizations;
using SoftTargets.Core.Domain.Sites;

namespace SoftTargets.Core.Data.Configurations;

internal sealed class SiteDraftConfiguration : IEntityTypeConfiguration<SiteDraft>
{
    public void Configure(EntityTypeBuilder<SiteDraft> builder)
    {
        builder.ConfigureAuditFields();
        builder.HasOne<Organization>().WithMany().HasForeignKey(d => d.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => d.OrganizationId);
        builder.Property(d => d.Title).HasMaxLength(200);
        builder.Property(d => d.Content).HasJsonbConversion();
    }
}
