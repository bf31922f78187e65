using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SoftTargets.Core.Domain.Methodology;

namespace SoftTargets.Core.Data.Configurations;

internal sealed class MethodologyConfiguration : IEntityTypeConfiguration<Methodology>
{
    public void Configure(EntityTypeBuilder<Methodology> builder)
    {
        builder.ConfigureAuditFields();
        builder.Property(m => m.Code).HasMaxLength(100);
        builder.HasIndex(m => m.Code).IsUnique();
        builder.Property(m => m.Name).HasJsonbConversion();
        builder.HasMany(m => m.Versions).WithOne().HasForeignKey(v => v.MethodologyId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(m => m.Versions).HasField("_versions");
    }
}

internal sealed class MethodologyVersionConfiguration : IEntityTypeConfiguration<MethodologyVersion>
{
    public void Configure(EntityTypeBuilder<MethodologyVersion> builder)
    {
        builder.ConfigureAuditFields();
        builder.HasIndex(v => new { v.MethodologyId, v.Number }).IsUnique();
        builder.Property(v => v.ChangeNote).HasMaxLength(4000);
        builder.Property(v => v.PublishedBy).HasMaxLength(256);
        builder.Property(v => v.Content).HasJsonbConversion();
    }
}
