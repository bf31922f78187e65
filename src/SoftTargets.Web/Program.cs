using SoftTargets.Core;
using SoftTargets.Core.Features.Dashboards;
using SoftTargets.Web.Api;
using SoftTargets.Web.Cli;
using SoftTargets.Web.Components;
using SoftTargets.Web.Features.Account;
using SoftTargets.Web.Features.Audit;
using SoftTargets.Web.Features.Culture;
using SoftTargets.Web.Features.Dashboards;
using SoftTargets.Web.Features.Plans;
using SoftTargets.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.UseStaticWebAssetsOfBuildOutput();

builder.AddLogging();
builder.Services.AddSoftTargetsCore(builder.Configuration.GetSoftTargetsConnectionString());
builder.Services.AddDashboardReplica(builder.Configuration.GetConnectionString("SoftTargetsReplica"));
builder.Services.Configure<SoftTargets.Core.Features.Methodology.MethodologyOptions>(builder.Configuration.GetSection("SoftTargets"));
builder.Services.Configure<SoftTargets.Core.Mail.SmtpSettings>(builder.Configuration.GetSection(SoftTargets.Core.Mail.SmtpSettings.Section));
builder.Services.AddAccounts();
builder.Services.AddDataProtectionKeys(builder.Configuration, builder.Environment);
builder.Services.AddReverseProxySupport(builder.Configuration);
builder.Services.AddSecureCookies();
builder.Services.AddCultures();
builder.Services.AddUserInterface();
builder.Services.AddApi();
builder.Services.AddHealth();
builder.Services.AddDevelopmentMigrator(builder.Environment, builder.Configuration);
builder.Services.AddHostedService<SnapshotSchedule>();
builder.Services.AddHostedService<SoftTargets.Web.Features.Notifications.ReminderSchedule>();
builder.Services.AddScoped<SoftTargets.Web.Features.Notifications.UnreadCount>();

var app = builder.Build();

if (CommandLine.IsVerb(args)) return await CommandLine.RunAsync(app.Services, args);

app.UseReverseProxySupport();
app.UseSecurityHeaders();
if (!app.Environment.IsDevelopment()) app.UseExceptionHandler("/error", createScopeForErrors: true);
app.UseFriendlyStatusPages();
app.UseRequestLogging();
app.UseCultures();
app.UseAuthentication();
app.UseTwoFactorGate();
app.UseAuthorization();
app.UseRateLimiter();
app.UseAntiforgery();
app.UseRequestBodyLimits();

app.MapStaticAssets();
app.MapHealth();
app.MapAccountEndpoints();
app.MapCultureEndpoints();
app.MapApi();
app.MapPlanEndpoints();
app.MapDashboardEndpoints();
app.MapAuditEndpoints();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

await app.RunAsync();
return 0;

/// <summary>Visible to the test projects' WebApplicationFactory.</summary>
public partial class Program;
