using System.Net;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SoftTargets.Core;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Security;
using SoftTargets.IntegrationTests.Infrastructure;

namespace SoftTargets.IntegrationTests.Security;

/// <summary>
/// Who may do what, for every route of the app and every public operation of Core, against the real
/// database. The data belongs to ArenaPlus (the owning organisation); the school's manager is the
/// venue manager of a foreign organisation, for whom ArenaPlus's data must look like it does not exist.
/// A route or operation without a row fails the test with its name: new ones cannot slip in.
/// The rows live in <see cref="AuthorizationMatrix"/>.
/// </summary>
public sealed partial class AuthorizationMatrixTests(DatabaseFixture fixture) : DatabaseTest(fixture)
{
    private static readonly Who[] Identities = [Who.Anonymous, Who.Administrator, Who.Editor, Who.Auditor, Who.OwnManager, Who.ForeignManager];

    [Fact]
    public async Task Every_route_answers_each_identity_as_the_route_table_expects()
    {
        var ids = await AuthorizationMatrix.PrepareAsync(Fixture);
        var routes = AppRoutes();
        var problems = MissingRows(routes, AuthorizationMatrix.Routes.Keys, "route");
        var clients = new Dictionary<Who, HttpClient>();
        foreach (var who in Identities)
            clients[who] = who == Who.Anonymous ? Fixture.AnonymousClient() : await Fixture.SignedInClientAsync(EmailOf(who));

        // Signing out ends the client's session, so it goes last.
        foreach (var route in routes.Where(AuthorizationMatrix.Routes.ContainsKey).OrderBy(r => r == AuthorizationMatrix.SignOut))
        {
            var row = AuthorizationMatrix.Routes[route];
            foreach (var who in Identities)
            {
                using var request = AuthorizationMatrix.Request(route, ids);
                using var response = await clients[who].SendAsync(request);
                var problem = Judge(route, row, who, request.Method, response);
                if (problem is not null) problems.Add($"{route} as {who}: {problem}");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task Every_core_operation_allows_or_refuses_each_identity_as_the_operation_table_expects()
    {
        var ids = await AuthorizationMatrix.PrepareAsync(Fixture);
        var problems = MissingRows(CoreOperations(), AuthorizationMatrix.Operations.Keys, "operation");
        var actors = new Dictionary<Who, Actor>();
        foreach (var who in Identities)
            actors[who] = who == Who.Anonymous ? Actor.Anonymous : await Fixture.ActorAsync(EmailOf(who));

        foreach (var (name, operation) in AuthorizationMatrix.Operations)
        {
            foreach (var who in Identities)
            {
                await using var scope = Fixture.Factory.Services.CreateAsyncScope();
                bool allowed;
                using (TestCurrentUser.ActAs(actors[who]))
                {
                    try
                    {
                        // Null or false is the caller seeing nothing of the owning organisation's data: refused.
                        allowed = await operation.Call(scope.ServiceProvider, ids, who) is not (null or false);
                    }
                    catch (Exception ex) when (ex is AccessDeniedException or NotFoundException)
                    {
                        allowed = false;
                    }
                    catch (Exception ex) when (ex is DomainException or ConcurrencyConflictException)
                    {
                        // Past the access check: the deliberately stale version or incomplete input was refused instead.
                        allowed = true;
                    }
                }
                if (allowed != operation.Allowed.HasFlag(who))
                    problems.Add($"{name} as {who}: {(allowed ? "allowed" : "refused")}, expected {(allowed ? "refused" : "allowed")}");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static string? Judge(string route, Who allowedFor, Who who, HttpMethod method, HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var location = response.Headers.Location?.OriginalString ?? "";
        // A challenge sends the browser to the login page with the way back; signing out lands there without one.
        var toLogin = status is 301 or 302 or 303 or 307 && location.Contains("/account/login?ReturnUrl=", StringComparison.OrdinalIgnoreCase);
        var toDenied = status is 301 or 302 or 303 or 307 && location.Contains("/access-denied", StringComparison.OrdinalIgnoreCase);
        var described = $"{status}{(location.Length > 0 ? " → " + location : "")}";
        var refused = toLogin || toDenied || status is 401 or 403 or 404;

        if (allowedFor.HasFlag(who))
        {
            if (method != HttpMethod.Get)
                return refused ? $"refused ({described}), expected allowed" : null;
            return status == (int)AuthorizationMatrix.SuccessOf(route) || (status is 302 && !toLogin && !toDenied && AuthorizationMatrix.SuccessOf(route) == HttpStatusCode.Redirect)
                ? null
                : $"{described}, expected {(int)AuthorizationMatrix.SuccessOf(route)}";
        }
        if (who == Who.Anonymous)
            return toLogin || status == 401 ? null : $"{described}, expected 401 or the login page";
        if (who == Who.ForeignManager && AuthorizationMatrix.IsOwnedData(route) && method == HttpMethod.Get)
            return status == 404 ? null : $"{described}, expected 404 (another organisation's data must look like none)";
        return toDenied || status is 403 or 404 ? null : $"{described}, expected 403, 404 or the access-denied page";
    }

    private static List<string> MissingRows(IEnumerable<string> found, IEnumerable<string> rows, string kind)
    {
        var known = rows.ToHashSet();
        var actual = found.ToHashSet();
        return actual.Where(f => !known.Contains(f)).Order().Select(f => $"add an expectation for the {kind} {f}")
            .Concat(known.Where(k => !actual.Contains(k)).Order().Select(k => $"the {kind} {k} has a row but does not exist any more"))
            .ToList();
    }

    /// <summary>
    /// The app's own route table: pages (Razor components with @page) as "PAGE pattern", endpoints as
    /// "METHOD pattern" ("ANY" when the endpoint takes every method). Framework plumbing is left out:
    /// static assets (_framework, _content, fingerprinted files, the {**path:file} catch-all) and the Blazor hub (_blazor).
    /// </summary>
    private List<string> AppRoutes()
    {
        var endpoints = Fixture.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        var routes = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            if (IsPlumbing(endpoint, pattern)) continue;
            if (endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is not null)
            {
                routes.Add($"PAGE {pattern}");
                continue;
            }
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["ANY"];
            routes.AddRange(methods.Select(m => $"{m} {pattern}"));
        }
        return routes.Distinct().ToList();
    }

    private static bool IsPlumbing(RouteEndpoint endpoint, string pattern) =>
        pattern.Contains(":file}", StringComparison.Ordinal) || pattern.StartsWith("/_blazor", StringComparison.Ordinal) || pattern.StartsWith("/_framework", StringComparison.Ordinal)
        || pattern.StartsWith("/_content", StringComparison.Ordinal)
        || endpoint.Metadata.Any(m => m.GetType().FullName?.StartsWith("Microsoft.AspNetCore.StaticAssets", StringComparison.Ordinal) == true)
        || (endpoint.DisplayName?.StartsWith("Static asset", StringComparison.OrdinalIgnoreCase) ?? false);

    /// <summary>
    /// Core's operations: every public instance method declared by a class under SoftTargets.Core.Features
    /// that AddSoftTargetsCore registers (the services pages, endpoints and verbs call). Static helpers
    /// take no caller and are not operations. An overloaded method is named with its parameter types.
    /// </summary>
    private static List<string> CoreOperations()
    {
        var services = new ServiceCollection().AddSoftTargetsCore("Host=localhost");
        var types = services.Select(s => s.ImplementationType ?? s.ServiceType)
            .Where(t => t.Namespace?.StartsWith("SoftTargets.Core.Features", StringComparison.Ordinal) == true)
            .Distinct();
        var operations = new List<string>();
        foreach (var type in types)
        {
            var methods = type.GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.DeclaredOnly)
                .Where(m => !m.IsSpecialName).ToList();
            foreach (var method in methods)
            {
                var overloaded = methods.Count(m => m.Name == method.Name) > 1;
                operations.Add(overloaded
                    ? $"{type.Name}.{method.Name}({string.Join(", ", method.GetParameters().Where(p => p.ParameterType != typeof(CancellationToken)).Select(p => TypeName(p.ParameterType)))})"
                    : $"{type.Name}.{method.Name}");
            }
        }
        return operations;
    }

    private static string TypeName(Type type) =>
        Nullable.GetUnderlyingType(type) is { } inner ? TypeName(inner) + "?" : type.Name;

    private static string EmailOf(Who who) => who switch
    {
        Who.Administrator => Administrator,
        Who.Editor => Editor,
        Who.Auditor => Auditor,
        Who.OwnManager => ArenaManager,
        Who.ForeignManager => SchoolManager,
        _ => throw new ArgumentOutOfRangeException(nameof(who)),
    };
}

/// <summary>The identities of the matrix; a row names the ones allowed.</summary>
[Flags]
public enum Who
{
    Nobody = 0,
    Anonymous = 1,
    Administrator = 2,
    Editor = 4,
    Auditor = 8,

    /// <summary>Venue manager of ArenaPlus, which owns the data the matrix uses.</summary>
    OwnManager = 16,

    /// <summary>Venue manager of the school: ArenaPlus's data must look like none to them.</summary>
    ForeignManager = 32,

    Managers = OwnManager | ForeignManager,
    SignedIn = Administrator | Editor | Auditor | Managers,
    Everyone = Anonymous | SignedIn,

    /// <summary>Who reads the owning organisation's site and everything on it: editors and auditors read-only.</summary>
    SiteReaders = Auditor | Editor | OwnManager,
    MethodologyReaders = Editor | Auditor,
    DashboardReaders = Auditor | Editor,
}
