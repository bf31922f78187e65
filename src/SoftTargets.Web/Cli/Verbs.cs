using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using SoftTargets.Core.Data;
using SoftTargets.Core.Data.Seed;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Organizations;
using SoftTargets.Core.Features;
using SoftTargets.Core.Features.Dashboards;
using SoftTargets.Core.Features.Guidelines;
using SoftTargets.Core.Features.Methodology;
using SoftTargets.Core.Features.Organizations;
using SoftTargets.Core.Features.Plans;
using SoftTargets.Core.Features.Plans.Storage;
using SoftTargets.Core.Features.Users;

namespace SoftTargets.Web.Cli;

/// <summary>
/// The operator verbs as System.CommandLine commands: their options, help texts and what each does. Each verb runs
/// in a service scope of its own; a <see cref="ValidationFailedException"/> prints its messages and exits with
/// <see cref="CommandLine.Usage"/>.
/// </summary>
internal sealed class Verbs
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly IServiceProvider _services;
    private readonly TextReader _input;
    private readonly TextWriter _output;
    private readonly TextWriter _error;

    // What a verb adds after its options in the usage line.
    private readonly Dictionary<Command, string> _usageNotes = [];

    public Verbs(IServiceProvider services, TextReader input, TextWriter output, TextWriter error)
    {
        _services = services;
        _input = input;
        _output = output;
        _error = error;
        Root = new RootCommand("SoftTargets operator verbs. They read the same configuration as the web app (ConnectionStrings__SoftTargets, ...).")
        {
            Migrate(), SeedDemo(), CreateOrganization(), CreateUser(), Generate(), RegeneratePlans(), CompactPlans(), SeedSynthetic(), SnapshotCompliance(),
        };
    }

    public RootCommand Root { get; }

    public IEnumerable<string> Names => Root.Subcommands.Select(c => c.Name);

    public Command? Find(string name) => Root.Subcommands.FirstOrDefault(c => c.Name == name);

    /// <summary>"Usage: create-user --email &lt;email&gt; ... [--name &lt;display name&gt;]" and what the verb adds; the verbs for the root.</summary>
    public string UsageOf(Command command)
    {
        if (command == Root)
            return $"Usage: <verb> [options], one of: {string.Join(", ", Names)}.";
        var options = command.Options.Where(o => o is not System.CommandLine.Help.HelpOption)
            .Select(o => o.Required ? $"--{o.Name.TrimStart('-')} <{o.HelpName}>" : $"[--{o.Name.TrimStart('-')} <{o.HelpName}>]");
        return $"Usage: {string.Join(' ', [command.Name, .. options])}{_usageNotes.GetValueOrDefault(command)}";
    }

    /// <summary>Option names are read regardless of case, as they always were: <c>--Email</c> is <c>--email</c>.</summary>
    public string[] WithCanonicalOptionNames(string[] args)
    {
        if (Find(args[0]) is not { } command)
            return args;
        return args.Select(a => a.StartsWith("--", StringComparison.Ordinal)
            ? command.Options.FirstOrDefault(o => string.Equals(o.Name, a, StringComparison.OrdinalIgnoreCase))?.Name ?? a
            : a).ToArray();
    }

    private Command Migrate()
    {
        var command = new Command("migrate", "Applies the database migrations (run before starting a new version) and, on a database without a methodology, imports and publishes the seeded library.");
        command.SetAction(_ => RunAsync(async services =>
        {
            await services.GetRequiredService<SoftTargetsDbContext>().Database.MigrateAsync();
            if (await services.GetRequiredService<MethodologyLibrary>().EnsureSeededAsync())
                await _output.WriteLineAsync("The seeded methodology library was imported and published.");
            await _output.WriteLineAsync("The database is up to date.");
            return CommandLine.Ok;
        }));
        return command;
    }

    private Command SeedDemo()
    {
        var command = new Command("seed-demo", "Seeds the demo organisations, accounts, sites and plans, only into an empty database.");
        command.SetAction(_ => RunAsync(async services =>
        {
            var seeded = await services.GetRequiredService<DemoSeeder>().SeedAsync();
            await _output.WriteLineAsync(seeded ? "Demo data seeded." : "The database already has data: nothing seeded.");
            return CommandLine.Ok;
        }));
        return command;
    }

    private Command CreateOrganization()
    {
        var name = Required("--name", "name", "The organisation's name, as create-user --org names it.");
        var kind = Required("--kind", "kind", $"One of {string.Join(", ", Enum.GetNames<OrganizationKind>())}.");
        kind.Validators.Add(result =>
        {
            if (result.Tokens is [var token] && ParseKind(token.Value) is null)
                result.AddError($"Unknown kind '{token.Value}'. Use one of: {string.Join(", ", Enum.GetNames<OrganizationKind>())}.");
        });
        var region = Required("--region", "region", "A region key of a published methodology, e.g. Praha.");
        var command = new Command("create-organization", "Creates an organisation.") { name, kind, region };
        command.SetAction(parsed => RunAsync(async services =>
        {
            var organization = parsed.GetRequiredValue(name);
            // The region is a key of a published methodology's regions (e.g. Praha); the service names them when it is not.
            await services.GetRequiredService<OrganizationService>().CreateAsync(
                organization, ParseKind(parsed.GetRequiredValue(kind))!.Value, parsed.GetRequiredValue(region).Trim());
            await _output.WriteLineAsync($"Organisation {organization} created.");
            return CommandLine.Ok;
        }));
        return command;
    }

    private Command CreateUser()
    {
        var email = Required("--email", "email", "The user's e-mail address, with which they sign in.");
        var role = Required("--role", "role", "Administrator, MethodologyEditor, Auditor or VenueManager.");
        var organization = Required("--org", "organisation name", "The name of an existing organisation.");
        var displayName = new Option<string>("--name") { HelpName = "display name", Description = "The name shown in the app (default: the e-mail address)." };
        var command = new Command("create-user", "Creates a user account; the password is read from standard input.") { email, role, organization, displayName };
        _usageNotes[command] = "; the password is read from standard input.";
        command.SetAction(parsed => RunAsync(async services =>
        {
            var password = (await _input.ReadLineAsync())?.Trim();
            if (string.IsNullOrEmpty(password))
            {
                await _error.WriteLineAsync("Give the password on standard input, for example: echo \"$PASSWORD\" | ... create-user ...");
                return CommandLine.Usage;
            }
            var address = parsed.GetRequiredValue(email);
            var roleName = parsed.GetRequiredValue(role);
            await services.GetRequiredService<UserAdministration>().CreateAsync(
                address, parsed.GetValue(displayName) ?? address, roleName, parsed.GetRequiredValue(organization), password);
            await _output.WriteLineAsync($"User {address} created with role {roleName}.");
            return CommandLine.Ok;
        }));
        return command;
    }

    /// <summary>Prints the guideline for a site described in a JSON file (the preview API's body), saving nothing.</summary>
    private Command Generate()
    {
        var site = Required("--site", "site.json", "A JSON file with the site, as the body of POST /api/guidelines/preview.");
        var command = new Command("generate", "Prints the guideline the published methodology gives a site described in a file, saving nothing.") { site };
        command.SetAction(parsed => RunAsync(async services =>
        {
            var path = parsed.GetRequiredValue(site);
            SiteSnapshot? snapshot;
            try
            {
                await using var file = File.OpenRead(path);
                snapshot = await JsonSerializer.DeserializeAsync<SiteSnapshot>(file, JsonOptions);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
            {
                await _error.WriteLineAsync($"Cannot read {path}: {ex.Message}");
                return CommandLine.Usage;
            }
            if (snapshot is null)
            {
                await _error.WriteLineAsync($"{path} is empty.");
                return CommandLine.Usage;
            }
            await _output.WriteLineAsync(JsonSerializer.Serialize(await services.GetRequiredService<GuidelinePreview>().PreviewAsync(snapshot), JsonOptions));
            return CommandLine.Ok;
        }));
        return command;
    }

    private Command RegeneratePlans()
    {
        var command = new Command("regenerate-plans", "Gives every site a new plan revision with the methodology version its plan follows, carrying tracked state over.");
        command.SetAction(_ => RunAsync(async services =>
        {
            var count = await services.GetRequiredService<PlanRegeneration>().RegenerateAllAsync(
                progress: new Relay<int>(done => _output.WriteLine($"{done:N0} plans regenerated so far.")));
            await _output.WriteLineAsync($"Regenerated the plans of {count:N0} sites.");
            return CommandLine.Ok;
        }));
        return command;
    }

    private Command CompactPlans()
    {
        var command = new Command("compact-plans", "Rewrites plan revisions stored whole in the compact form, in batches; safe to stop and run again.");
        command.SetAction(_ => RunAsync(async services =>
        {
            var compaction = await services.GetRequiredService<PlanCompaction>().CompactAsync(
                progress: new Relay<int>(done => _output.WriteLine($"{done:N0} plans stored compact so far.")));
            await _output.WriteLineAsync($"Stored {compaction.Compacted:N0} plans compact; {compaction.KeptWhole:N0} stay whole.");
            return CommandLine.Ok;
        }));
        return command;
    }

    private Command SeedSynthetic()
    {
        var sites = new Option<int>("--sites") { Required = true, HelpName = "1 to 1,000,000", Description = "How many synthetic sites to add (load-test data, never in production)." };
        sites.Validators.Add(result =>
        {
            if (result.Tokens is [var token] && int.TryParse(token.Value, out var count) && count is < 1 or > 1_000_000)
                result.AddError($"--sites must be from 1 to 1,000,000, not {token.Value}.");
        });
        var command = new Command("seed-synthetic", "Adds realistic synthetic sites with plans, tracked measures, drills and findings for load tests.") { sites };
        command.SetAction(parsed => RunAsync(async services =>
        {
            var load = await services.GetRequiredService<SyntheticSeeder>().SeedAsync(parsed.GetValue(sites), new Relay<string>(_output.WriteLine));
            await _output.WriteLineAsync($"Added {load.Sites:N0} synthetic sites, {load.PlanMeasures:N0} tracked measures, {load.Drills:N0} drills and {load.Findings:N0} findings in {load.Took.TotalMinutes:N1} minutes.");
            return CommandLine.Ok;
        }));
        return command;
    }

    private Command SnapshotCompliance()
    {
        var command = new Command("snapshot-compliance", "Brings every site's dashboard counts to today and retakes this month's compliance snapshot.");
        command.SetAction(_ => RunAsync(async services =>
        {
            var groups = await services.GetRequiredService<ComplianceSnapshots>().TakeAsync();
            await _output.WriteLineAsync($"This month's compliance snapshot was taken: {groups:N0} groups of sites.");
            return CommandLine.Ok;
        }));
        return command;
    }

    private static Option<string> Required(string name, string helpName, string description) =>
        new(name) { Required = true, HelpName = helpName, Description = description };

    private static OrganizationKind? ParseKind(string text) =>
        Enum.TryParse<OrganizationKind>(text, ignoreCase: true, out var kind) && Enum.IsDefined(kind) && !int.TryParse(text, out _) ? kind : null;

    private async Task<int> RunAsync(Func<IServiceProvider, Task<int>> verb)
    {
        await using var scope = _services.CreateAsyncScope();
        try
        {
            return await verb(scope.ServiceProvider);
        }
        catch (ValidationFailedException ex)
        {
            foreach (var message in ex.Errors.SelectMany(e => e.Value)) await _error.WriteLineAsync(message);
            return CommandLine.Usage;
        }
    }
}
