using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SoftTargets.Core.Domain.Events;
using SoftTargets.Core.Domain.Sites;

namespace SoftTargets.Core.Data.Configurations;

/// <summary>An event belongs to one site and goes with it; upcoming events are read by end day.</summary>
internal sealed class SiteEventConfiguration : IEntityTypeConfiguration<SiteEvent>
{
    public void Configure(EntityTypeBuilder<SiteEvent> builder)
    {
        builder.ToTable("SiteEvents");
        builder.ConfigureAuditFields();
        builder.HasOne<Site>().WithMany().HasForeignKey(e => e.SiteId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.SiteId, e.StartsOn });
        builder.HasIndex(e => e.EndsOn);
        builder.Property(e => e.Name).HasMaxLength(EventMessages.MaxNameLength);
        builder.Property(e => e.EntryChecks).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.ResponsibleName).HasMaxLength(200);
        builder.Property(e => e.ResponsiblePhone).HasMaxLength(50);
    }
}
