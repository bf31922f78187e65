using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SoftTargets.Core.Data;
using SoftTargets.Core.Data.Interceptors;
using SoftTargets.Core.Data.Seed;
using SoftTargets.Core.Features.Home;
using SoftTargets.Core.Features.Methodology;
using SoftTargets.Core.Features.Organizations;
using SoftTargets.Core.Features.Sites;
using SoftTargets.Core.Features.Compliance;
using SoftTargets.Core.Features.Users;

namespace SoftTargets.Core;

public static class CoreServiceExtensions
{
    /// <summary>
    /// Everything Core needs, registered the same way for the web app, the command-line verbs and the
    /// tests. The host must also register an <see cref="Security.ICurrentUser"/>.
    /// </summary>
    public static IServiceCollection AddSoftTargetsCore(this IServiceCollection services, string connectionString)
    {
        services.AddSingleton(TimeProvider.System);
        // Published methodology versions never change: cached by version id, correct on every node.
        services.AddHybridCache();
        // SoftTargets:DefaultMethodology names the methodology a new site follows when none is chosen; the host binds it.
        services.AddOptions<MethodologyOptions>();
        services.AddAuditedDbContext(connectionString);

        services.AddScoped<DemoSeeder>();
        services.AddScoped<SyntheticSeeder>();
        services.AddScoped<HomeQueries>();
        services.AddScoped<OrganizationService>();
        services.AddScoped<SiteQueries>();
        services.AddScoped<SiteService>();
        services.AddScoped<SiteCsvImport>();
        services.AddScoped<FindingService>();
        services.AddScoped<FindingQueries>();
        services.AddScoped<UserAdministration>();
        services.AddScoped<AccountRecovery>();
        services.AddOptions<AccountSettings>();
        services.AddScoped<ApiTokens>();
        services.AddScoped<OwnAccount>();
        services.AddScoped<Features.Plans.MeasureTracking>();
        services.AddScoped<Features.Plans.PlanService>();
        services.AddScoped<Features.Plans.PlanRegeneration>();
        services.AddScoped<Features.Plans.Storage.PlanCompaction>();
        services.AddScoped<Features.Dashboards.ComplianceDashboard>();
        services.AddScoped<Features.Readiness.DrillFeedback>();
        services.AddScoped<Features.Readiness.ReadinessDashboard>();
        services.AddScoped<Features.Dashboards.ComplianceSnapshots>();
        services.AddScoped<Features.Plans.PlanQueries>();
        services.AddScoped<Features.Plans.MeasureAttentionQueries>();
        services.AddScoped<Features.Readiness.PlaybookQueries>();
        services.AddScoped<Features.Guidelines.GuidelinePreview>();
        services.AddScoped<MethodologyQueries>();
        services.AddScoped<MethodologyNames>();
        services.AddScoped<MethodologyLibrary>();
        services.AddScoped<MethodologyAuthoring>();
        services.AddScoped<Features.Methodology.Impact.ImpactPreview>();
        services.AddScoped<Features.Assessment.ThreatAssessment>();
        services.AddScoped<Features.Assessment.SelfAssessment>();
        services.AddScoped<Features.Audit.AuditTrail>();
        services.AddScoped<Features.Readiness.RunReview>();
        services.AddScoped<Features.Readiness.ImprovementPlan>();
        services.AddScoped<Features.Readiness.RunService>();
        services.AddScoped<Features.Readiness.RunQueries>();
        services.AddScoped<Features.Events.EventService>();
        services.AddScoped<Features.Events.EventQueries>();
        services.AddScoped<Features.Notifications.Reminders>();
        services.AddScoped<Features.Notifications.NotificationCenter>();
        // Smtp (the host binds it): the server every mail goes through.
        services.AddOptions<Mail.SmtpSettings>();
        services.AddSingleton<Mail.IMailSender, Mail.SmtpMailSender>();
        return services;
    }
}
