using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SoftTargets.Core.Domain.Notifications;
using SoftTargets.Core.Domain.Users;

namespace SoftTargets.Core.Data.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("Notifications");
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(n => n.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(n => n.Mail).HasConversion<string>().HasMaxLength(16);
        builder.Property(n => n.SiteName).HasMaxLength(Notification.MaxTextLength);
        builder.Property(n => n.TitleEn).HasMaxLength(Notification.MaxTextLength);
        builder.Property(n => n.TitleCs).HasMaxLength(Notification.MaxTextLength);
        // The ledger: one reminder per person, kind, subject and occasion, whichever node makes it.
        builder.HasIndex(n => new { n.UserId, n.Kind, n.SubjectId, n.Occasion }).IsUnique();
        builder.HasIndex(n => new { n.UserId, n.CreatedAt });
        builder.HasIndex(n => n.Mail).HasFilter("\"Mail\" IN ('Pending', 'Digest')");
    }
}

internal sealed class NotificationPreferencesConfiguration : IEntityTypeConfiguration<NotificationPreferences>
{
    public void Configure(EntityTypeBuilder<NotificationPreferences> builder)
    {
        builder.ToTable("NotificationPreferences");
        builder.HasKey(p => p.UserId);
        builder.HasOne<ApplicationUser>().WithOne().HasForeignKey<NotificationPreferences>(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
