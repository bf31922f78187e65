using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using SoftTargets.Core.Domain.Audit;
using SoftTargets.Core.Domain.Compliance;
using SoftTargets.Core.Domain.Events;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Domain.Notifications;
using SoftTargets.Core.Domain.Organizations;
using SoftTargets.Core.Domain.Plans;
using SoftTargets.Core.Domain.Readiness;
using SoftTargets.Core.Domain.Sites;
using SoftTargets.Core.Domain.Users;
using SoftTargets.Core.Security;

namespace SoftTargets.Core.Data;

public sealed class SoftTargetsDbContext(DbContextOptions<SoftTargetsDbContext> options)
    : IdentityDbContext<ApplicationUser>(options), IDataProtectionKeyContext
{
    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<Methodology> Methodologies => Set<Methodology>();
    public DbSet<MethodologyVersion> MethodologyVersions => Set<MethodologyVersion>();
    public DbSet<Site> Sites => Set<Site>();
    public DbSet<SiteDraft> SiteDrafts => Set<SiteDraft>();
    public DbSet<SitePlan> SitePlans => Set<SitePlan>();
    public DbSet<SiteEvent> SiteEvents => Set<SiteEvent>();
    public DbSet<PlanMeasure> PlanMeasures => Set<PlanMeasure>();
    public DbSet<Evidence> Evidence => Set<Evidence>();
    public DbSet<Finding> Findings => Set<Finding>();
    public DbSet<ComplianceSnapshot> ComplianceSnapshots => Set<ComplianceSnapshot>();
    public DbSet<PlaybookRun> PlaybookRuns => Set<PlaybookRun>();
    public DbSet<RunStep> RunSteps => Set<RunStep>();
    public DbSet<ImprovementItem> ImprovementItems => Set<ImprovementItem>();
    public DbSet<AuditLogEntry> AuditLog => Set<AuditLogEntry>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<SignInFailure> SignInFailures => Set<SignInFailure>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<NotificationPreferences> NotificationPreferences => Set<NotificationPreferences>();

    /// <summary>
    /// Who saves through this context: set by <see cref="AuditedContextFactory"/> each time a pooled instance is handed
    /// out, cleared when it goes back, read by the audit interceptor. Pooled instances must stay as EF Core resets them:
    /// never point one at another database (<c>SetConnectionString</c>); make a context of its own options for that.
    /// </summary>
    internal ICurrentUser? CurrentUser { get; set; }

    public override void Dispose()
    {
        CurrentUser = null;
        base.Dispose();
    }

    public override ValueTask DisposeAsync()
    {
        CurrentUser = null;
        return base.DisposeAsync();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(SoftTargetsDbContext).Assembly);
        // A region is a key of the methodology's region catalogue, stored as the text it always was.
        builder.Entity<Organization>().Property(o => o.Region).HasMaxLength(32);
        builder.Entity<Site>().Property(s => s.Region).HasMaxLength(32);
        builder.Entity<ComplianceSnapshot>().Property(s => s.Region).HasMaxLength(32);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name: readable in SQL and safe when members are reordered.
        configurationBuilder.Properties<OrganizationKind>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<MethodologyVersionStatus>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<MeasurePriority>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<MeasureStatus>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<FindingSeverity>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<FindingStatus>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<IncidentPhase>().HaveConversion<string>().HaveMaxLength(4);
        configurationBuilder.Properties<Procedure>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<RunKind>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<StepOutcome>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<ImprovementStatus>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<AuditAction>().HaveConversion<string>().HaveMaxLength(16);
    }
}
