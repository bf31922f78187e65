using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SoftTargets.Core.Domain.Readiness;

namespace SoftTargets.Core.Data.Configurations;

/// <summary>Steps belong to their run (<see cref="PlaybookRunConfiguration"/>); each has its own row version so two people ticking two steps never collide.</summary>
internal sealed class RunStepConfiguration : IEntityTypeConfiguration<RunStep>
{
    public void Configure(EntityTypeBuilder<RunStep> builder)
    {
        builder.ConfigureAuditFields();
        builder.HasIndex(s => new { s.RunId, s.Key }).IsUnique();
        builder.HasIndex(s => s.Key).IncludeProperties(s => new { s.Outcome, s.ElapsedSeconds, s.TargetMinutes });
        builder.Property(s => s.Key).HasMaxLength(100);
        builder.Property(s => s.Role).HasMaxLength(100);
        builder.ComplexProperty(s => s.RoleName, PlaybookRunConfiguration.Texts);
        builder.ComplexProperty(s => s.Text, PlaybookRunConfiguration.Texts);
        builder.Property(s => s.DoneBy).HasMaxLength(256);
        builder.Property(s => s.SignedOffBy).HasMaxLength(RunMessages.MaxNameLength);
        builder.Property(s => s.Note).HasMaxLength(RunMessages.MaxNoteLength);
    }
}
