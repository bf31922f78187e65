using Microsoft.EntityFrameworkCore;
using SoftTargets.Core.Data;
using SoftTargets.Core.Data.Seed;
using SoftTargets.Core.Domain.Common;
using System.Text.Json;
using System.Text.Json.Serialization;
using SoftTargets.Core.Domain.Organizations;
using SoftTargets.Core.Features;
using SoftTargets.Core.Features.Guidelines;
using SoftTargets.Core.Features.Dashboards;
using SoftTargets.Core.Features.Methodology;
using SoftTargets.Core.Features.Organizations;
using SoftTargets.Core.Features.Plans;
using SoftTargets.Core.Features.Plans.Storage;
using SoftTargets.Core.Features.Users;
using SoftTargets.Core.Security;

namespace SoftTargets.Web.Cli;

/// <summary>
/// Verbs for operators, run with the same configuration as the web app:
/// <c>migrate</c>, <c>seed-demo</c>, <c>create-organization --name N --kind K --region R</c>,
/// <c>create-user --email E --role R --org O</c> (password on standard input), <c>generate --site site.json</c>,
/// <c>regenerate-plans</c> (a new plan revision for every site), <c>compact-plans</c> (plan revisions stored whole rewritten
/// compact), <c>seed-synthetic --sites N</c> (load-test data).
/// </summary>
public static class CommandLine
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Usage = 2;

    private static readonly string[] Verbs = ["migrate", "seed-demo", "create-organization", "create-user", "generate", "regenerate-plans", "compact-plans", "seed-synthetic", "snapshot-compliance"];

    /// <summary>A first argument that is not an option is a verb (known or not); options are for the web host.</summary>
    public static bool IsVerb(string[] args) => args.Length > 0 && args[0].Length > 0 && !args[0].StartsWith('-') && !args[0].Contains('=');

    public static async Task<int> RunAsync(IServiceProvider rootServices, string[] args, TextReader? input = null, TextWriter? output = null, TextWriter? error = null)
    {
        input ??= Console.In;
        output ??= Console.Out;
        error ??= Console.Error;
        if (!Verbs.Contains(args[0]))
        {
            await error.WriteLineAsync($"Unknown verb '{args[0]}'. Use one of: {string.Join(", ", Verbs)}.");
            return Usage;
        }

        // Verbs are the operator acting as the application itself; the scope ends when the verb returns.
        using var system = SystemScope.Begin();
        await using var scope = rootServices.CreateAsyncScope();
        var services = scope.ServiceProvider;
        try
        {
            switch (args[0])
            {
                case "migrate":
                    await services.GetRequiredService<SoftTargetsDbContext>().Database.MigrateAsync();
                    if (await services.GetRequiredService<MethodologyLibrary>().EnsureSeededAsync())
                        await output.WriteLineAsync("The seeded methodology library was imported and published.");
                    await output.WriteLineAsync("The database is up to date.");
                    return Ok;
                case "seed-demo":
                    var seeded = await services.GetRequiredService<DemoSeeder>().SeedAsync();
                    await output.WriteLineAsync(seeded ? "Demo data seeded." : "The database already has data: nothing seeded.");
                    return Ok;
                case "generate":
                    return await GenerateAsync(services.GetRequiredService<GuidelinePreview>(), args[1..], output, error);
                case "regenerate-plans":
                    var count = await services.GetRequiredService<PlanRegeneration>().RegenerateAllAsync(
                        progress: new Relay<int>(done => output.WriteLine($"{done:N0} plans regenerated so far.")));
                    await output.WriteLineAsync($"Regenerated the plans of {count:N0} sites.");
                    return Ok;
                case "compact-plans":
                    var compaction = await services.GetRequiredService<PlanCompaction>().CompactAsync(
                        progress: new Relay<int>(done => output.WriteLine($"{done:N0} plans stored compact so far.")));
                    await output.WriteLineAsync($"Stored {compaction.Compacted:N0} plans compact; {compaction.KeptWhole:N0} stay whole.");
                    return Ok;
                case "snapshot-compliance":
                    var groups = await services.GetRequiredService<ComplianceSnapshots>().TakeAsync();
                    await output.WriteLineAsync($"This month's compliance snapshot was taken: {groups:N0} groups of sites.");
                    return Ok;
                case "seed-synthetic":
                    return await SeedSyntheticAsync(services.GetRequiredService<SyntheticSeeder>(), args[1..], output, error);
                case "create-organization":
                    return await CreateOrganizationAsync(services.GetRequiredService<OrganizationService>(), args[1..], output, error);
                default:
                    return await CreateUserAsync(services.GetRequiredService<UserAdministration>(), args[1..], input, output, error);
            }
        }
        catch (ValidationFailedException ex)
        {
            foreach (var message in ex.Errors.SelectMany(e => e.Value)) await error.WriteLineAsync(message);
            return Usage;
        }
    }

    /// <summary>Prints the guideline for a site described in a JSON file (the preview API's body), saving nothing.</summary>
    private static async Task<int> GenerateAsync(GuidelinePreview preview, string[] args, TextWriter output, TextWriter error)
    {
        var options = ParseOptions(args);
        if (options is null || !options.TryGetValue("site", out var path))
        {
            await error.WriteLineAsync("Usage: generate --site <site.json>");
            return Usage;
        }
        SiteSnapshot? site;
        try
        {
            await using var file = File.OpenRead(path);
            site = await JsonSerializer.DeserializeAsync<SiteSnapshot>(file, JsonOptions);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            await error.WriteLineAsync($"Cannot read {path}: {ex.Message}");
            return Usage;
        }
        if (site is null)
        {
            await error.WriteLineAsync($"{path} is empty.");
            return Usage;
        }
        await output.WriteLineAsync(JsonSerializer.Serialize(await preview.PreviewAsync(site), JsonOptions));
        return Ok;
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static async Task<int> SeedSyntheticAsync(SyntheticSeeder seeder, string[] args, TextWriter output, TextWriter error)
    {
        if (args is not ["--sites", var text] || !int.TryParse(text, out var sites) || sites is < 1 or > 1_000_000)
        {
            await error.WriteLineAsync("Usage: seed-synthetic --sites <1 to 1,000,000>");
            return Usage;
        }
        var load = await seeder.SeedAsync(sites, new Relay<string>(output.WriteLine));
        await output.WriteLineAsync($"Added {load.Sites:N0} synthetic sites, {load.PlanMeasures:N0} tracked measures, {load.Drills:N0} drills and {load.Findings:N0} findings in {load.Took.TotalMinutes:N1} minutes.");
        return Ok;
    }


    private static async Task<int> CreateOrganizationAsync(OrganizationService organizations, string[] args, TextWriter output, TextWriter error)
    {
        var options = ParseOptions(args);
        if (options is null || !options.TryGetValue("name", out var name) || !options.TryGetValue("kind", out var kindText) || !options.TryGetValue("region", out var regionText))
        {
            await error.WriteLineAsync("Usage: create-organization --name <name> --kind <kind> --region <region>");
            return Usage;
        }
        if (!Enum.TryParse<OrganizationKind>(kindText, ignoreCase: true, out var kind) || !Enum.IsDefined(kind) || int.TryParse(kindText, out _))
        {
            await error.WriteLineAsync($"Unknown kind '{kindText}'. Use one of: {string.Join(", ", Enum.GetNames<OrganizationKind>())}.");
            return Usage;
        }
        // The region is a key of a published methodology's regions (e.g. Praha); the service names them when it is not.
        await organizations.CreateAsync(name, kind, regionText.Trim());
        await output.WriteLineAsync($"Organisation {name} created.");
        return Ok;
    }

    private static async Task<int> CreateUserAsync(UserAdministration users, string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        var options = ParseOptions(args);
        if (options is null || !options.TryGetValue("email", out var email) || !options.TryGetValue("role", out var role) || !options.TryGetValue("org", out var organization))
        {
            await error.WriteLineAsync("Usage: create-user --email <email> --role <role> --org <organisation name> [--name <display name>]; the password is read from standard input.");
            return Usage;
        }
        var password = (await input.ReadLineAsync())?.Trim();
        if (string.IsNullOrEmpty(password))
        {
            await error.WriteLineAsync("Give the password on standard input, for example: echo \"$PASSWORD\" | ... create-user ...");
            return Usage;
        }
        await users.CreateAsync(email, options.GetValueOrDefault("name", email), role, organization, password);
        await output.WriteLineAsync($"User {email} created with role {role}.");
        return Ok;
    }

    private static Dictionary<string, string>? ParseOptions(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--") || i + 1 >= args.Length) return null;
            options[args[i][2..]] = args[i + 1];
        }
        return options;
    }
}
