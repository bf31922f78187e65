using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SoftTargets.Core.Domain.Common;

namespace SoftTargets.Core.Data.Configurations;

internal static class AuditFieldsConfiguration
{
    public static void ConfigureAuditFields<T>(this EntityTypeBuilder<T> builder) where T : AuditableEntity
    {
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.CreatedBy).HasMaxLength(256);
        builder.Property(e => e.UpdatedBy).HasMaxLength(256);
    }
}
