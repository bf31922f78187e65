using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SoftTargets.Core.Domain.Compliance;
using SoftTargets.Core.Domain.Events;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Domain.Organizations;
using SoftTargets.Core.Domain.Plans;
using SoftTargets.Core.Domain.Readiness;
using SoftTargets.Core.Domain.Sites;
using SoftTargets.Core.Domain.Users;
using SoftTargets.Core.Features;
using SoftTargets.Core.Features.Assessment;
using SoftTargets.Core.Features.Audit;
using SoftTargets.Core.Features.Compliance;
using SoftTargets.Core.Features.Dashboards;
using SoftTargets.Core.Features.Events;
using SoftTargets.Core.Features.Guidelines;
using SoftTargets.Core.Features.Home;
using SoftTargets.Core.Features.Methodology;
using SoftTargets.Core.Features.Methodology.Impact;
using SoftTargets.Core.Features.Notifications;
using SoftTargets.Core.Features.Organizations;
using SoftTargets.Core.Features.Plans;
using SoftTargets.Core.Features.Plans.Storage;
using SoftTargets.Core.Features.Readiness;
using SoftTargets.Core.Features.Sites;
using SoftTargets.Core.Features.Users;
using SoftTargets.IntegrationTests.Infrastructure;

namespace SoftTargets.IntegrationTests.Security;

/// <summary>The ids of the owning organisation's data that fill route parameters and operation arguments.</summary>
public sealed record MatrixIds(Guid Site, Guid Organization, Guid Methodology, Guid PublishedVersion, Guid DraftVersion,
    Guid PlanMeasure, Guid Evidence, Guid Finding, long AuditEntry, IReadOnlyDictionary<Who, Guid> Drafts)
{
    /// <summary>A finished drill of the owning organisation's site, and an improvement item raised from its review.</summary>
    public Guid Run { get; init; }
    public Guid Improvement { get; init; }
    /// <summary>An incident of the owning organisation's site, still open, and the key of one of its steps.</summary>
    public Guid LiveRun { get; init; }
    public string RunStep { get; init; } = "";
    /// <summary>An upcoming event on the owning organisation's site.</summary>
    public Guid Event { get; init; }
}

public sealed record Operation(Who Allowed, Func<IServiceProvider, MatrixIds, Who, Task<object?>> Call);

/// <summary>
/// The expectations: one row per route and per Core operation, naming who is allowed. Anybody not
/// named must be refused (anonymous: 401 or the login page; others: 403, 404 or the access-denied
/// page; the foreign manager on the owning organisation's data: 404). Calls that change data pass a
/// stale version or incomplete input where they can, so an allowed caller gets past the access check
/// and is then refused for the data, and nothing changes.
/// </summary>
public static partial class AuthorizationMatrix
{
    public const string SignOut = "POST /account/logout";

    public static readonly Dictionary<string, Who> Routes = new()
    {
        ["PAGE /"] = Who.SignedIn,
        ["PAGE /account/login"] = Who.Everyone,
        ["PAGE /account/invitation"] = Who.Everyone,
        ["PAGE /account/forgot-password"] = Who.Everyone,
        ["PAGE /account/reset-password"] = Who.Everyone,
        ["PAGE /access-denied"] = Who.SignedIn,
        ["PAGE /account/tokens"] = Who.SignedIn,
        // The second step follows the right password (Identity's two-factor cookie); without it, back to signing in.
        ["PAGE /account/login/two-factor"] = Who.Everyone,
        ["PAGE /account/two-factor"] = Who.SignedIn,
        ["PAGE /account/password"] = Who.SignedIn,
        ["PAGE /account/profile"] = Who.SignedIn,
        ["GET /api/antiforgery"] = Who.SignedIn,
        ["PAGE /error"] = Who.Everyone,
        ["PAGE /not-found"] = Who.Everyone,
        ["PAGE /admin/users"] = Who.Administrator,
        ["PAGE /admin/organizations"] = Who.Administrator,
        ["PAGE /audit"] = Who.Auditor,
        ["PAGE /dashboards"] = Who.DashboardReaders,
        ["PAGE /dashboards/sites"] = Who.DashboardReaders,
        ["PAGE /findings"] = Who.Auditor | Who.Editor | Who.Managers,
        ["PAGE /methodology"] = Who.MethodologyReaders,
        ["PAGE /methodology/diff"] = Who.MethodologyReaders,
        ["PAGE /methodology/versions/{Id:guid}"] = Who.MethodologyReaders,
        ["PAGE /sites"] = Who.Auditor | Who.Editor | Who.Managers,
        ["PAGE /sites/new"] = Who.Managers,
        ["PAGE /sites/import"] = Who.Managers,
        ["PAGE /sites/{Id:guid}"] = Who.SiteReaders,
        ["PAGE /sites/{Id:guid}/edit"] = Who.OwnManager,
        ["PAGE /sites/{Id:guid}/plan"] = Who.SiteReaders,
        ["PAGE /sites/{Id:guid}/plan/print"] = Who.SiteReaders,
        ["PAGE /sites/{Id:guid}/playbooks"] = Who.SiteReaders,
        ["PAGE /sites/{Id:guid}/threats"] = Who.SiteReaders,
        ["PAGE /sites/{Id:guid}/self-assessment"] = Who.SiteReaders,
        ["PAGE /sites/{Id:guid}/runs/{RunId:guid}/review"] = Who.SiteReaders,
        ["PAGE /sites/{Id:guid}/runs"] = Who.SiteReaders,
        ["PAGE /sites/{Id:guid}/runs/{RunId:guid}"] = Who.SiteReaders,
        ["PAGE /sites/{Id:guid}/events"] = Who.SiteReaders,
        ["PAGE /sites/{Id:guid}/events/{EventId:guid}"] = Who.SiteReaders,
        ["ANY /health/live"] = Who.Everyone,
        ["ANY /health/ready"] = Who.Everyone,
        ["GET /culture/set"] = Who.Everyone,
        [SignOut] = Who.SignedIn,
        ["GET /api/openapi/{documentName}.json"] = Who.SignedIn,
        ["GET /api/sites/"] = Who.Auditor | Who.Editor | Who.Managers,
        ["GET /api/sites/{id:guid}"] = Who.SiteReaders,
        ["POST /api/sites/"] = Who.Managers,
        ["POST /api/sites/import"] = Who.Managers,
        ["PUT /api/sites/{id:guid}"] = Who.OwnManager,
        ["DELETE /api/sites/{id:guid}"] = Who.OwnManager,
        ["GET /api/methodology/versions/{id:guid}/export"] = Who.MethodologyReaders,
        ["POST /api/methodology/import"] = Who.Editor,
        ["POST /api/guidelines/preview"] = Who.SignedIn,
        ["GET /sites/{siteId:guid}/evidence/{evidenceId:guid}"] = Who.SiteReaders,
        ["GET /sites/{siteId:guid}/plan/plan.docx"] = Who.SiteReaders,
        ["GET /sites/{siteId:guid}/plan/pocket-cards.docx"] = Who.SiteReaders,
        ["GET /dashboards/export/{name}.{format}"] = Who.DashboardReaders,
        ["GET /dashboards/readiness/export/{table}.{format}"] = Who.DashboardReaders,
        ["GET /audit/export.{format}"] = Who.Auditor,
        ["PAGE /methodology/feedback"] = Who.MethodologyReaders,
        ["PAGE /measures"] = Who.Managers,
        ["PAGE /notifications"] = Who.SignedIn,
    };

    /// <summary>What an allowed GET answers, when not 200.</summary>
    public static HttpStatusCode SuccessOf(string route) => route switch
    {
        "GET /culture/set" => HttpStatusCode.Redirect,
        "PAGE /account/login/two-factor" => HttpStatusCode.Redirect,
        _ => HttpStatusCode.OK,
    };

    /// <summary>Routes about the owning organisation's data (a site and what hangs on it).</summary>
    public static bool IsOwnedData(string route) => route.Contains("/sites/{", StringComparison.Ordinal);

    /// <summary>The request for a route: parameters filled with the owning organisation's ids, a query or body where the route needs one.</summary>
    public static HttpRequestMessage Request(string route, MatrixIds ids)
    {
        var space = route.IndexOf(' ');
        var method = route[..space] is "PAGE" or "ANY" ? "GET" : route[..space];
        var pattern = route[(space + 1)..];
        var path = Parameter().Replace(pattern, match => match.Groups[1].Value switch
        {
            "Id" or "id" when pattern.StartsWith("/methodology", StringComparison.Ordinal) || pattern.StartsWith("/api/methodology", StringComparison.Ordinal) => ids.PublishedVersion.ToString(),
            "Id" or "id" or "siteId" => ids.Site.ToString(),
            "evidenceId" => ids.Evidence.ToString(),
            "RunId" => ids.Run.ToString(),
            "EventId" => ids.Event.ToString(),
            "documentName" => "v1",
            "name" => "region",
            "table" => "coverage-region",
            "format" => "csv",
            var other => throw new InvalidOperationException($"No value for the route parameter {other} of {route}"),
        });
        path += route switch
        {
            "GET /culture/set" => "?culture=cs&redirectUri=%2F",
            "PAGE /methodology/diff" => $"?from={ids.PublishedVersion}&to={ids.PublishedVersion}",
            "DELETE /api/sites/{id:guid}" => "?version=0",
            _ => "",
        };
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PUT")
            request.Content = new StringContent(route == "PUT /api/sites/{id:guid}" ? StaleSiteUpdate : "{}", Encoding.UTF8, "application/json");
        return request;
    }

    private const string StaleSiteUpdate =
        """{"profile":{"name":"Koncertní síň Vltava","address":"Nábřeží 12, Praha 1","region":"Praha","venueTypeKey":"concert-hall","maxOccupancy":1200,"dailyVisitors":900,"openingHours":"","attributes":[]},"version":0}""";

    [GeneratedRegex(@"\{(\w+)(:[^}]*)?\}")]
    private static partial Regex Parameter();

    private static readonly SiteProfile Theatre =
        new("Divadlo Matrix", "Rohová 3, Ostrava", "Moravskoslezsky", "theatre-cinema", 450, 300, "Tu–Su 18:00–23:00", []);

    private static readonly FindingInput MatrixFinding = new(FindingSeverity.Low, "Matrix", "Checked by the authorization matrix.", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30));
    private static readonly EventInput MatrixEvent = new("Matrix event", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10), DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10), 3000,
        EntryChecks.BagChecks, "Matrix Person", "+420 600 000 000", []);

    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>The caller's own user id: user operations aimed at oneself change nothing or are refused for the data.</summary>
    private static async Task<string> OwnIdAsync(IServiceProvider services) =>
        (await services.GetRequiredService<SoftTargets.Core.Security.ICurrentUser>().GetAsync()).UserId;

    private static Operation Op<TService>(Who allowed, Func<TService, MatrixIds, Who, Task<object?>> call) where TService : notnull =>
        new(allowed, (services, ids, who) => call(services.GetRequiredService<TService>(), ids, who));

    private static Operation Op<TService>(Who allowed, Func<TService, MatrixIds, Task<object?>> call) where TService : notnull =>
        Op<TService>(allowed, (service, ids, _) => call(service, ids));

    private static Operation Done<TService>(Who allowed, Func<TService, MatrixIds, Task> call) where TService : notnull =>
        Op<TService>(allowed, async (service, ids, _) => { await call(service, ids); return true; });

    public static readonly Dictionary<string, Operation> Operations = new()
    {
        // Presenting a secret is how a token caller signs in: anybody may try, and a wrong one gets nobody.
        ["ApiTokens.AuthenticateAsync"] = Op<ApiTokens>(Who.Everyone, async (t, _) => (await t.AuthenticateAsync("stk_not-a-token")).Caller is null),
        ["ApiTokens.CreateAsync"] = Op<ApiTokens>(Who.SignedIn, async (t, _) => await t.CreateAsync("", TimeSpan.FromDays(1), [])),
        ["ApiTokens.ListAsync"] = Op<ApiTokens>(Who.SignedIn, async (t, _) => await t.ListAsync()),
        ["ApiTokens.RevokeAsync"] = new(Who.SignedIn, async (services, _, _) =>
        {
            var tokens = services.GetRequiredService<ApiTokens>();
            var actor = await services.GetRequiredService<SoftTargets.Core.Security.ICurrentUser>().GetAsync();
            var (token, _) = await tokens.CreateAsync("Matrix", TimeSpan.FromDays(1), actor.Roles.ToList());
            await tokens.RevokeAsync(token.Id);
            return true;
        }),

        ["NotificationCenter.ListAsync"] = Op<NotificationCenter>(Who.SignedIn, async (c, _) => await c.ListAsync()),
        ["NotificationCenter.UnreadCountAsync"] = Op<NotificationCenter>(Who.SignedIn, async (c, _) => await c.UnreadCountAsync()),
        ["NotificationCenter.MarkAllReadAsync"] = Op<NotificationCenter>(Who.SignedIn, async (c, _) => await c.MarkAllReadAsync()),
        ["NotificationCenter.GetChoicesAsync"] = Op<NotificationCenter>(Who.SignedIn, async (c, _) => await c.GetChoicesAsync()),
        ["NotificationCenter.SaveChoicesAsync"] = Done<NotificationCenter>(Who.SignedIn, (c, _) =>
            c.SaveChoicesAsync(new NotificationChoices(new HashSet<SoftTargets.Core.Domain.Notifications.NotificationKind>(), false))),
        // The caller's own notification: somebody else's reads as not found (RemindersTests).
        ["NotificationCenter.MarkReadAsync"] = new(Who.SignedIn, async (services, _, _) =>
        {
            var me = await OwnIdAsync(services);
            var id = Guid.NewGuid();
            if (me.Length > 0)
            {
                var db = services.GetRequiredService<SoftTargets.Core.Data.SoftTargetsDbContext>();
                var notification = new SoftTargets.Core.Domain.Notifications.Notification(me, SoftTargets.Core.Domain.Notifications.NotificationKind.NewFinding,
                    Guid.NewGuid(), new DateOnly(2026, 1, 1), Guid.NewGuid(), "Matrix", "Matrix", "Matrix", SoftTargets.Core.Domain.Notifications.NotificationMail.None, DateTimeOffset.UtcNow);
                db.Notifications.Add(notification);
                await db.SaveChangesAsync();
                id = notification.Id;
            }
            await services.GetRequiredService<NotificationCenter>().MarkReadAsync(id);
            return true;
        }),
        ["Reminders.RunAsync"] = Op<Reminders>(Who.Nobody, async (r, _) => await r.RunAsync()),

        ["HomeQueries.ForVenueManagerAsync"] = Op<HomeQueries>(Who.Managers, async (q, _) => await q.ForVenueManagerAsync()),
        ["HomeQueries.ForEditorAsync"] = Op<HomeQueries>(Who.Editor, async (q, _) => await q.ForEditorAsync()),
        ["HomeQueries.ForAuditorAsync"] = Op<HomeQueries>(Who.Auditor, async (q, _) => await q.ForAuditorAsync()),
        ["HomeQueries.ForAdministratorAsync"] = Op<HomeQueries>(Who.Administrator, async (q, _) => await q.ForAdministratorAsync()),
        ["MeasureAttentionQueries.ListAsync"] = Op<MeasureAttentionQueries>(Who.Managers, async (q, _) => await q.ListAsync(MeasureAttention.Overdue)),

        ["OrganizationService.ListAsync"] = Op<OrganizationService>(Who.Administrator, async (s, _) => await s.ListAsync()),
        ["OrganizationService.CreateAsync"] = Op<OrganizationService>(Who.Administrator, async (s, _) => await s.CreateAsync($"Matrix {Guid.NewGuid():N}", OrganizationKind.Operator, "Praha")),
        ["OrganizationService.UpdateAsync"] = Op<OrganizationService>(Who.Administrator, async (s, ids) => await s.UpdateAsync(ids.Organization, "ArenaPlus Venues a.s.", "Praha", 0)),
        ["OrganizationService.DeactivateAsync"] = Done<OrganizationService>(Who.Administrator, (s, ids) => s.DeactivateAsync(ids.Organization, 0)),
        ["OrganizationService.ReactivateAsync"] = Done<OrganizationService>(Who.Administrator, (s, ids) => s.ReactivateAsync(ids.Organization, 0)),
        ["OrganizationService.DeleteAsync"] = Done<OrganizationService>(Who.Administrator, (s, ids) => s.DeleteAsync(ids.Organization, 0)),

        ["UserAdministration.ListAsync"] = Op<UserAdministration>(Who.Administrator, async (s, _) => await s.ListAsync()),
        ["UserAdministration.GetAsync"] = new(Who.Administrator, async (services, _, _) =>
            await services.GetRequiredService<UserAdministration>().GetAsync(await OwnIdAsync(services))),
        ["UserAdministration.InviteAsync"] = Op<UserAdministration>(Who.Administrator, async (s, ids) =>
            await s.InviteAsync(new UserInvitation("", "", ids.Organization, [], "en"))),
        ["UserAdministration.ResendInvitationAsync"] = new(Who.Administrator, async (services, _, _) =>
        {
            await services.GetRequiredService<UserAdministration>().ResendInvitationAsync(await OwnIdAsync(services));
            return true;
        }),
        ["UserAdministration.UpdateAsync"] = new(Who.Administrator, async (services, _, _) =>
        {
            await services.GetRequiredService<UserAdministration>().UpdateAsync(await OwnIdAsync(services), new UserChange("", [], "en"));
            return true;
        }),
        ["UserAdministration.DeactivateAsync"] = new(Who.Administrator, async (services, _, _) =>
        {
            await services.GetRequiredService<UserAdministration>().DeactivateAsync(await OwnIdAsync(services));
            return true;
        }),
        ["UserAdministration.ReactivateAsync"] = new(Who.Administrator, async (services, _, _) =>
        {
            await services.GetRequiredService<UserAdministration>().ReactivateAsync(await OwnIdAsync(services));
            return true;
        }),
        ["UserAdministration.UnlockAsync"] = new(Who.Administrator, async (services, _, _) =>
        {
            await services.GetRequiredService<UserAdministration>().UnlockAsync(await OwnIdAsync(services));
            return true;
        }),
        ["UserAdministration.ResetTwoFactorAsync"] = new(Who.Administrator, async (services, _, _) =>
        {
            await services.GetRequiredService<UserAdministration>().ResetTwoFactorAsync(await OwnIdAsync(services));
            return true;
        }),
        // Each signed-in user's own account; wrong passwords and codes stop every change after the access check.
        ["OwnAccount.GetTwoFactorAsync"] = Op<OwnAccount>(Who.SignedIn, async (a, _) => await a.GetTwoFactorAsync()),
        ["OwnAccount.GetAuthenticatorSetupAsync"] = Op<OwnAccount>(Who.SignedIn, async (a, _) => await a.GetAuthenticatorSetupAsync()),
        ["OwnAccount.EnableTwoFactorAsync"] = Op<OwnAccount>(Who.SignedIn, async (a, _) => await a.EnableTwoFactorAsync("")),
        ["OwnAccount.NewRecoveryCodesAsync"] = Op<OwnAccount>(Who.SignedIn, async (a, _) => await a.NewRecoveryCodesAsync("not-the-password")),
        ["OwnAccount.DisableTwoFactorAsync"] = Done<OwnAccount>(Who.SignedIn, (a, _) => a.DisableTwoFactorAsync("not-the-password")),
        ["OwnAccount.ChangePasswordAsync"] = Done<OwnAccount>(Who.SignedIn, (a, _) => a.ChangePasswordAsync("not-the-password", "Matrix-Password-2026!")),
        ["OwnAccount.GetProfileAsync"] = Op<OwnAccount>(Who.SignedIn, async (a, _) => await a.GetProfileAsync()),
        ["OwnAccount.UpdateProfileAsync"] = Done<OwnAccount>(Who.SignedIn, (a, _) => a.UpdateProfileAsync("", "xx")),
        // The link's token is the credential: anybody may present one, and a wrong one changes nothing.
        ["AccountRecovery.AcceptInvitationAsync"] = Done<AccountRecovery>(Who.Everyone, (r, _) => r.AcceptInvitationAsync("no-such-user", "forged", "Matrix-Password-2026!")),
        ["AccountRecovery.RequestPasswordResetAsync"] = Done<AccountRecovery>(Who.Everyone, (r, _) => r.RequestPasswordResetAsync("nobody@matrix.example")),
        ["AccountRecovery.ResetPasswordAsync"] = Done<AccountRecovery>(Who.Everyone, (r, _) => r.ResetPasswordAsync("no-such-user", "forged", "Matrix-Password-2026!")),
        ["UserAdministration.CreateAsync"] = Op<UserAdministration>(Who.Administrator, async (s, _) =>
            await s.CreateAsync($"matrix-{Guid.NewGuid():N}@arenaplus.example", "Matrix", Roles.VenueManager, "ArenaPlus Venues a.s.", "Matrix-Password-2026")),

        ["SiteQueries.ListAsync"] = Op<SiteQueries>(Who.SiteReaders, async (q, ids) => (await q.ListAsync(new PageRequest(PageSize: 100))).Items.Any(s => s.Id == ids.Site)),
        ["SiteQueries.ListAfterAsync"] = Op<SiteQueries>(Who.SiteReaders, async (q, ids) => (await q.ListAfterAsync(new SiteCursorRequest(PageSize: 100))).Items.Any(s => s.Id == ids.Site)),
        ["SiteQueries.GetAsync"] = Op<SiteQueries>(Who.SiteReaders, async (q, ids) => await q.GetAsync(ids.Site)),
        ["SiteQueries.GetCataloguesAsync"] = Op<SiteQueries>(Who.SignedIn, async (q, _) => await q.GetCataloguesAsync()),
        ["SiteQueries.ListDraftsAsync"] = Op<SiteQueries>(Who.OwnManager, async (q, ids) => (await q.ListDraftsAsync()).Any(d => d.Id == ids.Drafts[Who.Nobody])),
        ["SiteQueries.GetDraftAsync"] = Op<SiteQueries>(Who.OwnManager, async (q, ids) => await q.GetDraftAsync(ids.Drafts[Who.Nobody])),

        ["SiteService.CreateAsync(Guid, SiteProfile)"] = Op<SiteService>(Who.OwnManager, async (s, ids) => await s.CreateAsync(ids.Organization, Theatre with { Name = $"Matrix {Guid.NewGuid():N}" })),
        ["SiteService.CreateAsync(Guid, SiteSetup, Guid?)"] = Op<SiteService>(Who.OwnManager, async (s, ids) => await s.CreateAsync(ids.Organization, new SiteSetup(Theatre with { Name = $"Matrix {Guid.NewGuid():N}" }, [], []))),
        ["SiteService.UpdateAsync"] = Op<SiteService>(Who.OwnManager, async (s, ids) => await s.UpdateAsync(ids.Site, new SiteSetup(Theatre, [], []), 0)),
        ["SiteService.SaveDraftAsync"] = Op<SiteService>(Who.OwnManager, async (s, ids) => await s.SaveDraftAsync(ids.Organization, null, new SiteDraftContent { Name = "Matrix draft" })),
        ["SiteService.DeleteDraftAsync"] = Op<SiteService>(Who.OwnManager, async (s, ids, who) => { await s.DeleteDraftAsync(ids.Drafts[who]); return true; }),
        ["SiteService.UpdateProfileAsync"] = Op<SiteService>(Who.OwnManager, async (s, ids) => await s.UpdateProfileAsync(ids.Site, Theatre, 0)),
        ["SiteService.DeleteAsync"] = Done<SiteService>(Who.OwnManager, (s, ids) => s.DeleteAsync(ids.Site, 0)),
        ["SiteCsvImport.ImportAsync"] = Op<SiteCsvImport>(Who.Managers, async (s, _) => await s.ImportAsync(new MemoryStream())),

        ["ThreatAssessment.GetAsync"] = Op<ThreatAssessment>(Who.SiteReaders, async (s, ids) => await s.GetAsync(ids.Site)),
        ["ThreatAssessment.SaveAsync"] = Op<ThreatAssessment>(Who.OwnManager, async (s, ids) => await s.SaveAsync(ids.Site, new ThreatInput("active-shooter", 3, 3, 2, 2, "Matrix"), 0)),
        ["ThreatAssessment.RemoveAsync"] = Op<ThreatAssessment>(Who.OwnManager, async (s, ids) => await s.RemoveAsync(ids.Site, "active-shooter", 0)),
        ["SelfAssessment.GetAsync"] = Op<SelfAssessment>(Who.SiteReaders, async (s, ids) => await s.GetAsync(ids.Site)),
        ["SelfAssessment.SaveAsync"] = Op<SelfAssessment>(Who.OwnManager, async (s, ids) => await s.SaveAsync(ids.Site, new Dictionary<string, int>(), 0)),

        ["PlanService.GenerateAsync"] = Op<PlanService>(Who.OwnManager, async (s, ids) => await s.GenerateAsync(ids.Site)),
        ["PlanService.UpgradeAsync"] = Op<PlanService>(Who.OwnManager, async (s, ids) => await s.UpgradeAsync(ids.Site)),
        ["PlanService.GetUpgradeAsync"] = Done<PlanService>(Who.SiteReaders, (s, ids) => s.GetUpgradeAsync(ids.Site)),
        ["PlanQueries.GetAsync"] = Op<PlanQueries>(Who.SiteReaders, async (q, ids) => await q.GetAsync(ids.Site)),
        ["PlanQueries.GetExportDataAsync"] = Op<PlanQueries>(Who.SiteReaders, async (q, ids) => await q.GetExportDataAsync(ids.Site, CultureInfo.GetCultureInfo("en-GB"))),
        ["PlanQueries.DescribeUpgradeAsync"] = Op<PlanQueries>(Who.Auditor | Who.Editor | Who.Managers, async (q, ids) =>
            await q.DescribeUpgradeAsync(new PlanUpgrade(ids.PublishedVersion, 1, ids.PublishedVersion, 1, "", [], [], []))),
        ["PlaybookQueries.GetAsync"] = Op<PlaybookQueries>(Who.SiteReaders, async (q, ids) => await q.GetAsync(ids.Site, "security-lead")),
        ["PlanRegeneration.RegenerateAllAsync"] = Op<PlanRegeneration>(Who.Nobody, async (s, ids) => await s.RegenerateAllAsync(which: site => site.Id == ids.Site)),
        ["PlanCompaction.CompactAsync"] = Op<PlanCompaction>(Who.Nobody, async (s, _) => await s.CompactAsync()),
        ["MeasureTracking.UpdateAsync"] = Op<MeasureTracking>(Who.OwnManager, async (s, ids) =>
            await s.UpdateAsync(ids.PlanMeasure, new MeasureUpdate(MeasureStatus.InProgress, "", "Matrix", null, 12, null), 0)),
        ["MeasureTracking.UpdateManyAsync"] = Op<MeasureTracking>(Who.OwnManager, async (s, ids) =>
            await s.UpdateManyAsync(ids.Site, [ids.PlanMeasure], new MeasureBulkUpdate(Owner: "Matrix"))),
        ["MeasureTracking.AddEvidenceAsync"] = Op<MeasureTracking>(Who.OwnManager, async (s, ids) =>
            await s.AddEvidenceAsync(ids.PlanMeasure, "matrix.pdf", new MemoryStream("%PDF-1.4 matrix"u8.ToArray()), Today)),
        ["MeasureTracking.GetEvidenceAsync(Guid)"] = Op<MeasureTracking>(Who.SiteReaders, async (s, ids) => await s.GetEvidenceAsync(ids.Evidence)),
        ["MeasureTracking.GetEvidenceAsync(Guid, Guid)"] = Op<MeasureTracking>(Who.SiteReaders, async (s, ids) => await s.GetEvidenceAsync(ids.Site, ids.Evidence)),

        ["FindingService.CreateAsync"] = Op<FindingService>(Who.Auditor, async (s, ids) => await s.CreateAsync(ids.Site, MatrixFinding)),
        ["FindingService.UpdateAsync"] = Op<FindingService>(Who.Auditor, async (s, ids) => await s.UpdateAsync(ids.Finding, MatrixFinding, 0)),
        ["FindingService.AnswerAsync"] = Op<FindingService>(Who.OwnManager, async (s, ids) => await s.AnswerAsync(ids.Finding, "Answered by the matrix.", 0)),
        ["FindingService.CloseAsync"] = Op<FindingService>(Who.Auditor, async (s, ids) => await s.CloseAsync(ids.Finding, "Closed by the matrix.", 0)),
        ["FindingService.ReopenAsync"] = Op<FindingService>(Who.Auditor, async (s, ids) => await s.ReopenAsync(ids.Finding, "Reopened by the matrix.", 0)),
        ["FindingService.ListForSiteAsync"] = Op<FindingService>(Who.SiteReaders, async (s, ids) => (await s.ListForSiteAsync(ids.Site)).Any(f => f.Id == ids.Finding)),
        ["FindingQueries.ListAsync"] = Op<FindingQueries>(Who.SiteReaders, async (q, ids) => (await q.ListAsync(new FindingFilter(), new PageRequest(PageSize: 100))).Items.Any(f => f.Id == ids.Finding)),
        ["FindingQueries.CountAsync"] = Op<FindingQueries>(Who.SiteReaders, async (q, _) => (await q.CountAsync()).Open > 0),

        ["ComplianceDashboard.GetChoicesAsync"] = Op<ComplianceDashboard>(Who.DashboardReaders, async (d, _) => await d.GetChoicesAsync()),
        ["ComplianceDashboard.GetAsync"] = Op<ComplianceDashboard>(Who.DashboardReaders, async (d, _) => await d.GetAsync(new DashboardFilter())),
        ["ComplianceDashboard.GetTotalsAsync"] = Op<ComplianceDashboard>(Who.DashboardReaders, async (d, _) => await d.GetTotalsAsync(new DashboardFilter())),
        ["ComplianceDashboard.GetRiskAsync"] = Op<ComplianceDashboard>(Who.DashboardReaders, async (d, _) => await d.GetRiskAsync(new DashboardFilter())),
        ["ComplianceDashboard.GetTrendAsync"] = Op<ComplianceDashboard>(Who.DashboardReaders, async (d, _) => await d.GetTrendAsync(new DashboardFilter())),
        ["ComplianceDashboard.ListSitesAsync"] = Op<ComplianceDashboard>(Who.DashboardReaders, async (d, ids) => (await d.ListSitesAsync(new DashboardFilter(), new PageRequest(PageSize: 100))).Items.Any(s => s.Id == ids.Site)),
        ["ReadinessDashboard.GetCoverageAsync"] = Op<ReadinessDashboard>(Who.DashboardReaders, async (d, _) => await d.GetCoverageAsync(new DashboardFilter())),
        ["ReadinessDashboard.GetTimingAsync"] = Op<ReadinessDashboard>(Who.DashboardReaders, async (d, _) => await d.GetTimingAsync(new DashboardFilter())),
        ["DrillFeedback.GetAsync"] = Op<DrillFeedback>(Who.MethodologyReaders, async (f, _) => await f.GetAsync()),
        ["DrillFeedback.CompactAsync"] = Op<DrillFeedback>(Who.Nobody, async (f, _) => await f.CompactAsync()),
        ["ComplianceDashboard.ListAllSitesAsync"] = Op<ComplianceDashboard>(Who.DashboardReaders, async (d, ids) => await d.ListAllSitesAsync(new DashboardFilter()).AnyAsync(s => s.Id == ids.Site)),
        ["ComplianceSnapshots.TakeAsync"] = Op<ComplianceSnapshots>(Who.Nobody, async (s, _) => await s.TakeAsync()),
        ["ComplianceSnapshots.RefreshSitesAsync"] = Op<ComplianceSnapshots>(Who.Nobody, async (s, _) => await s.RefreshSitesAsync()),

        ["AuditTrail.ListAsync"] = Op<AuditTrail>(Who.Auditor, async (a, _) => await a.ListAsync(new AuditFilter(), new PageRequest())),
        ["AuditTrail.GetAsync"] = Op<AuditTrail>(Who.Auditor, async (a, ids) => await a.GetAsync(ids.AuditEntry)),
        ["AuditTrail.ListGroupsAsync"] = Op<AuditTrail>(Who.Auditor, async (a, _) => await a.ListGroupsAsync(new AuditFilter(), new PageRequest())),
        ["AuditTrail.ExportAsync"] = Op<AuditTrail>(Who.Auditor, async (a, _) => await a.ExportAsync(new AuditFilter()).Take(1).ToListAsync()),
        ["AuditTrail.ListOrganizationsAsync"] = Op<AuditTrail>(Who.Auditor, async (a, _) => await a.ListOrganizationsAsync()),

        ["GuidelinePreview.PreviewAsync"] = Op<GuidelinePreview>(Who.SignedIn, async (p, _) =>
            await p.PreviewAsync(new SiteSnapshot { Name = "Matrix", VenueTypeKey = "stadium", Region = "Praha", MaxOccupancy = 1000, DailyVisitors = 100 })),

        ["MethodologyNames.PublishedAsync"] = Op<MethodologyNames>(Who.SignedIn, async (q, _) => await q.PublishedAsync()),
        ["MethodologyQueries.ListVersionsAsync"] = Op<MethodologyQueries>(Who.MethodologyReaders, async (q, _) => await q.ListVersionsAsync()),
        ["MethodologyLibrary.ImportAsync(String)"] = Op<MethodologyLibrary>(Who.Editor, async (l, _) => await l.ImportAsync("not: [valid")),
        ["MethodologyLibrary.ImportAsync(Stream)"] = Op<MethodologyLibrary>(Who.Editor, async (l, _) => await l.ImportAsync(new MemoryStream("not: [valid"u8.ToArray()))),
        ["MethodologyLibrary.ExportAsync"] = Op<MethodologyLibrary>(Who.MethodologyReaders, async (l, ids) => await l.ExportAsync(ids.PublishedVersion, LibraryFileFormat.Yaml)),
        ["MethodologyLibrary.EnsureSeededAsync"] = Done<MethodologyLibrary>(Who.Nobody, (l, _) => l.EnsureSeededAsync()),
        ["MethodologyAuthoring.GetAsync"] = Op<MethodologyAuthoring>(Who.MethodologyReaders, async (a, ids) => await a.GetAsync(ids.PublishedVersion)),
        ["MethodologyAuthoring.StartDraftAsync"] = Op<MethodologyAuthoring>(Who.Editor, async (a, ids) => await a.StartDraftAsync(ids.Methodology)),
        ["MethodologyAuthoring.SaveAsync"] = Op<MethodologyAuthoring>(Who.Editor, async (a, ids) => await a.SaveAsync(ids.DraftVersion, MethodologyDocument.Empty, 0)),
        ["MethodologyAuthoring.ValidateAsync"] = Op<MethodologyAuthoring>(Who.MethodologyReaders, async (a, ids) => await a.ValidateAsync(ids.DraftVersion)),
        ["MethodologyAuthoring.PublishAsync"] = Done<MethodologyAuthoring>(Who.Editor, (a, ids) => a.PublishAsync(ids.DraftVersion, "Matrix", 0)),
        ["MethodologyAuthoring.DiscardDraftAsync"] = Done<MethodologyAuthoring>(Who.Editor, (a, ids) => a.DiscardDraftAsync(ids.DraftVersion, 0)),
        ["RunReview.GetAsync"] = Op<RunReview>(Who.SiteReaders, async (r, ids) => await r.GetAsync(ids.Site, ids.Run)),
        ["RunReview.SaveLessonsAsync"] = Op<RunReview>(Who.OwnManager, async (r, ids) => await r.SaveLessonsAsync(ids.Run, "Matrix", null, 0)),
        ["ImprovementPlan.ListAsync"] = Op<ImprovementPlan>(Who.SiteReaders, async (p, ids) => (await p.ListAsync(ids.Site))?.Items.Any(i => i.Id == ids.Improvement)),
        ["ImprovementPlan.CreateAsync"] = Op<ImprovementPlan>(Who.OwnManager, async (p, ids) => await p.CreateAsync(ids.Run, new ImprovementInput("", "", Today, null, null))),
        ["ImprovementPlan.UpdateAsync"] = Op<ImprovementPlan>(Who.OwnManager, async (p, ids) => await p.UpdateAsync(ids.Improvement, new ImprovementInput("Matrix", "Matrix", Today, null, null), 0)),
        ["ImprovementPlan.SetDoneAsync"] = Op<ImprovementPlan>(Who.OwnManager, async (p, ids) => await p.SetDoneAsync(ids.Improvement, true, 0)),
        ["ImprovementPlan.LinkFindingAsync"] = Op<ImprovementPlan>(Who.OwnManager, async (p, ids) => await p.LinkFindingAsync(ids.Improvement, 0, ids.Finding, 0, "Answered by the matrix.")),
        // The matrix's run is an open incident: each change is refused for its input (a name or note too long, a
        // negative count, unsigned reopening criteria) once past the access check, so nothing changes.
        ["RunService.StartAsync"] = Op<RunService>(Who.OwnManager, async (s, ids) => await s.StartAsync(ids.Site, new RunStart(RunKind.Drill, "", null, null))),
        ["RunService.TickAsync"] = Done<RunService>(Who.OwnManager, (s, ids) => s.TickAsync(ids.LiveRun, ids.RunStep, new string('x', RunMessages.MaxNameLength + 1))),
        ["RunService.UntickAsync"] = Done<RunService>(Who.OwnManager, (s, ids) => s.UntickAsync(ids.LiveRun, ids.RunStep)),
        ["RunService.NoteAsync"] = Done<RunService>(Who.OwnManager, (s, ids) => s.NoteAsync(ids.LiveRun, ids.RunStep, new string('x', RunMessages.MaxNoteLength + 1))),
        ["RunService.FinishAsync"] = Done<RunService>(Who.OwnManager, (s, ids) => s.FinishAsync(ids.LiveRun)),
        ["RunService.RecordOutcomeAsync"] = Done<RunService>(Who.OwnManager, (s, ids) => s.RecordOutcomeAsync(ids.LiveRun, "", -1, null)),
        ["RunQueries.ListForSiteAsync"] = Op<RunQueries>(Who.SiteReaders, async (q, ids) => (await q.ListForSiteAsync(ids.Site))?.Runs.Any(r => r.Id == ids.LiveRun)),
        ["RunQueries.GetAsync"] = Op<RunQueries>(Who.SiteReaders, async (q, ids) => await q.GetAsync(ids.LiveRun)),
        ["RunQueries.GetStampAsync"] = Op<RunQueries>(Who.SiteReaders, async (q, ids) => await q.GetStampAsync(ids.LiveRun)),
        ["RunQueries.GetStartOptionsAsync"] = Op<RunQueries>(Who.SiteReaders, async (q, ids) => await q.GetStartOptionsAsync(ids.Site)),

        ["EventService.CreateAsync"] = Op<EventService>(Who.OwnManager, async (s, ids) => await s.CreateAsync(ids.Site, MatrixEvent with { Name = "" })),
        ["EventService.UpdateAsync"] = Op<EventService>(Who.OwnManager, async (s, ids) => await s.UpdateAsync(ids.Event, MatrixEvent, 0)),
        ["EventService.DeleteAsync"] = Done<EventService>(Who.OwnManager, (s, ids) => s.DeleteAsync(ids.Event, 0)),
        ["EventQueries.ListForSiteAsync"] = Op<EventQueries>(Who.SiteReaders, async (q, ids) => (await q.ListForSiteAsync(ids.Site))?.Events.Any(e => e.Id == ids.Event)),
        ["EventQueries.GetAsync"] = Op<EventQueries>(Who.SiteReaders, async (q, ids) => await q.GetAsync(ids.Event)),
        ["EventQueries.UpcomingAsync"] = Op<EventQueries>(Who.SiteReaders, async (q, ids) => (await q.UpcomingAsync(100)).Events.Any(e => e.Id == ids.Event)),

        ["ImpactPreview.PreviewAsync"] = Op<ImpactPreview>(Who.Editor, async (p, ids) => await p.PreviewAsync(ids.DraftVersion)),
    };

    /// <summary>Adds what the demo data lacks (an evidence file, a methodology draft, site drafts) and collects the ids.</summary>
    public static async Task<MatrixIds> PrepareAsync(DatabaseFixture fixture)
    {
        Guid site, organization, methodology, published, measure, finding;
        long audit;
        await using (var db = fixture.NewDbContext())
        {
            var hall = await db.Sites.SingleAsync(s => s.Name == "Koncertní síň Vltava");
            (site, organization) = (hall.Id, hall.OrganizationId);
            var version = await db.MethodologyVersions.SingleAsync(v => v.Status == MethodologyVersionStatus.Published);
            (methodology, published) = (version.MethodologyId, version.Id);
            measure = await db.PlanMeasures.Where(m => m.SiteId == site && m.IsApplicable).Select(m => m.Id).FirstAsync();
            finding = await db.Findings.Where(f => f.SiteId == site).Select(f => f.Id).FirstAsync();
            audit = await db.AuditLog.Select(e => e.Id).FirstAsync();
        }
        var evidence = await fixture.AsAsync<Guid, MeasureTracking>("manager@arenaplus.example",
            t => t.AddEvidenceAsync(measure, "matrix.pdf", new MemoryStream("%PDF-1.4 matrix"u8.ToArray()), Today));
        var draft = await fixture.AsAsync<Guid, MethodologyAuthoring>("editor@softtargets.example", a => a.StartDraftAsync(methodology));
        var drafts = new Dictionary<Who, Guid>();
        // One draft to read (keyed Nobody) and one for each identity to try deleting.
        foreach (var who in new[] { Who.Nobody, Who.Anonymous, Who.Administrator, Who.Editor, Who.Auditor, Who.OwnManager, Who.ForeignManager })
            drafts[who] = await fixture.AsAsync<Guid, SiteService>("manager@arenaplus.example",
                s => s.SaveDraftAsync(organization, null, new SiteDraftContent { Name = $"Matrix draft for {who}" }));
        var run = await Readiness.RunReviewTests.ArrangeDrillAsync(fixture, site);
        var improvement = await fixture.AsAsync<Guid, ImprovementPlan>("manager@arenaplus.example",
            p => p.CreateAsync(run, new ImprovementInput("Matrix", "Matrix", Today.AddDays(30), null, null)));
        var playbook = (await fixture.AsAsync<RunStartOptions?, RunQueries>("manager@arenaplus.example", q => q.GetStartOptionsAsync(site)))!.Playbooks[0].Key;
        var liveRun = await fixture.AsAsync<Guid, RunService>("manager@arenaplus.example",
            s => s.StartAsync(site, new RunStart(RunKind.Incident, playbook, null, "Checked by the authorization matrix.")));
        var step = (await fixture.AsAsync<RunView?, RunQueries>("manager@arenaplus.example", q => q.GetAsync(liveRun)))!.Steps[0].Key;
        var siteEvent = await fixture.AsAsync<Guid, EventService>("manager@arenaplus.example", s => s.CreateAsync(site, MatrixEvent));
        return new MatrixIds(site, organization, methodology, published, draft, measure, evidence, finding, audit, drafts)
        {
            Run = run, Improvement = improvement, LiveRun = liveRun, RunStep = step, Event = siteEvent,
        };
    }
}
