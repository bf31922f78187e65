using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SoftTargets.Core.Domain.Compliance;

namespace SoftTargets.Core.Data.Configurations;

internal sealed class ComplianceSnapshotConfiguration : IEntityTypeConfiguration<ComplianceSnapshot>
{
    public void Configure(EntityTypeBuilder<ComplianceSnapshot> builder)
    {
        builder.ToTable("ComplianceSnapshots");
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.HasIndex(s => s.Month);
        builder.Property(s => s.VenueTypeKey).HasMaxLength(100);
        builder.Property(s => s.Tier).HasMaxLength(100);
        // The figures are plain columns named as the figures, so the SQL that writes and sums them reads naturally.
        builder.ComplexProperty(s => s.Figures, figures =>
        {
            foreach (var property in typeof(ComplianceFigures).GetProperties().Where(p => p.CanWrite))
                figures.Property(property.Name).HasColumnName(property.Name);
        });
    }
}
