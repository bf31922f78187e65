using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SoftTargets.Core.Domain.Organizations;
using SoftTargets.Core.Domain.Sites;
using SoftTargets.Core.Domain.Threats;

namespace SoftTargets.Core.Data.Configurations;

/// <summary>The site aggregate: the site and its zones, contacts, threat scenarios and answers.</summary>
internal sealed class SiteConfiguration : IEntityTypeConfiguration<Site>
{
    public void Configure(EntityTypeBuilder<Site> builder)
    {
        builder.ConfigureAuditFields();
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.Property(s => s.Address).HasMaxLength(500);
        builder.Property(s => s.VenueTypeKey).HasMaxLength(100);
        builder.Property(s => s.OpeningHours).HasMaxLength(500);
        builder.HasOne<Organization>().WithMany().HasForeignKey(s => s.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        // The site lists' keyset order (name, id), across the country and within an organisation.
        builder.HasIndex(s => new { s.Name, s.Id });
        builder.HasIndex(s => new { s.OrganizationId, s.Name, s.Id });
        builder.HasOne<Domain.Methodology.Methodology>().WithMany().HasForeignKey(s => s.MethodologyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => s.MethodologyId);
        builder.HasIndex(s => new { s.Region, s.VenueTypeKey });

        builder.HasMany(s => s.Zones).WithOne().HasForeignKey(z => z.SiteId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.Contacts).WithOne().HasForeignKey(c => c.SiteId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.Threats).WithOne().HasForeignKey(t => t.SiteId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.Answers).WithOne().HasForeignKey(a => a.SiteId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Zones).HasField("_zones");
        builder.Navigation(s => s.Contacts).HasField("_contacts");
        builder.Navigation(s => s.Threats).HasField("_threats");
        builder.Navigation(s => s.Answers).HasField("_answers");
    }
}

internal sealed class ZoneConfiguration : IEntityTypeConfiguration<Zone>
{
    public void Configure(EntityTypeBuilder<Zone> builder)
    {
        builder.Property(z => z.Id).ValueGeneratedNever();
        builder.Property(z => z.Name).HasMaxLength(200);
        builder.Property(z => z.AssemblyPoint).HasMaxLength(500);
        builder.Property(z => z.InvacuationRoom).HasMaxLength(500);
    }
}

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> builder)
    {
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.RoleKey).HasMaxLength(100);
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.Phone).HasMaxLength(50);
        builder.Property(c => c.Email).HasMaxLength(256);
    }
}

internal sealed class ThreatScenarioConfiguration : IEntityTypeConfiguration<ThreatScenario>
{
    public void Configure(EntityTypeBuilder<ThreatScenario> builder)
    {
        builder.ToTable("ThreatScenarios");
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.ThreatKey).HasMaxLength(100);
        builder.HasIndex(t => new { t.SiteId, t.ThreatKey }).IsUnique();
        builder.Property(t => t.Rationale).HasMaxLength(4000);
        builder.ComplexProperty(t => t.Inherent, r =>
        {
            r.Property(x => x.Likelihood).HasColumnName("InherentLikelihood");
            r.Property(x => x.Impact).HasColumnName("InherentImpact");
        });
        builder.ComplexProperty(t => t.Residual, r =>
        {
            r.Property(x => x.Likelihood).HasColumnName("ResidualLikelihood");
            r.Property(x => x.Impact).HasColumnName("ResidualImpact");
        });
    }
}

internal sealed class SelfAssessmentAnswerConfiguration : IEntityTypeConfiguration<SelfAssessmentAnswer>
{
    public void Configure(EntityTypeBuilder<SelfAssessmentAnswer> builder)
    {
        builder.HasKey(a => new { a.SiteId, a.QuestionKey });
        builder.Property(a => a.QuestionKey).HasMaxLength(100);
    }
}
