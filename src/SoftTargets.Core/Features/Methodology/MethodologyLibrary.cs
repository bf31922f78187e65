using System.Reflection;
using Microsoft.EntityFrameworkCore;
using SoftTargets.Core.Data;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Users;
using SoftTargets.Core.Features.Methodology.Library;
using SoftTargets.Core.Security;

namespace SoftTargets.Core.Features.Methodology;

public enum LibraryFileFormat
{
    Yaml,
    Json,
}

public sealed record ImportResult(Guid? VersionId, IReadOnlyList<LibraryError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>Import and export of whole methodologies as library files; the seeded library.</summary>
public sealed class MethodologyLibrary(IDbContextFactory<SoftTargetsDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
{
    public const string SeedResource = "SoftTargets.Library.cz-soft-targets.yaml";

    /// <summary>
    /// Imports a file (read up to <see cref="LibraryLimits.MaxBytes"/>) as the methodology's draft: a new methodology, a new draft of an existing one, or
    /// the replacement of its open draft. A file with any error changes nothing.
    /// </summary>
    public async Task<ImportResult> ImportAsync(Stream file, CancellationToken ct = default)
    {
        (await currentUser.GetAsync(ct)).DemandRole(Roles.MethodologyEditor);
        return await LibraryLimits.ReadTextAsync(file, ct) is { } text
            ? await ImportAsync(text, ct)
            : new ImportResult(null, [LibraryLimits.TooLarge]);
    }

    /// <inheritdoc cref="ImportAsync(Stream, CancellationToken)"/>
    public async Task<ImportResult> ImportAsync(string text, CancellationToken ct = default)
    {
        (await currentUser.GetAsync(ct)).DemandRole(Roles.MethodologyEditor);
        var (file, errors) = LibraryFormat.Read(text);
        if (file is null) return new ImportResult(null, errors);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var methodology = await db.Methodologies.Include(m => m.Versions).FirstOrDefaultAsync(m => m.Code == file.Methodology, ct);
        if (methodology is null)
        {
            methodology = new Domain.Methodology.Methodology(file.Methodology, file.Title);
            db.Methodologies.Add(methodology);
        }
        var draft = methodology.Versions.FirstOrDefault(v => v.Status == Domain.Methodology.MethodologyVersionStatus.Draft);
        if (draft is null) draft = methodology.StartDraft(file.ToDocument());
        else draft.ReplaceContent(file.ToDocument());
        await db.SaveConcurrentlyAsync(ct);
        return new ImportResult(draft.Id, []);
    }

    public async Task<(string FileName, string Content)> ExportAsync(Guid versionId, LibraryFileFormat format, CancellationToken ct = default)
    {
        var actor = await currentUser.GetAsync(ct);
        actor.Demand(actor.IsSystem || actor.IsIn(Roles.MethodologyEditor) || actor.IsIn(Roles.Auditor));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await (from v in db.MethodologyVersions
                         join m in db.Methodologies on v.MethodologyId equals m.Id
                         where v.Id == versionId
                         select new { m.Code, v.Number, v.Content }).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("The methodology version");
        var file = LibraryFile.From(row.Code, row.Number, row.Content);
        return format == LibraryFileFormat.Json
            ? ($"{row.Code}-v{row.Number}.json", LibraryFormat.WriteJson(file))
            : ($"{row.Code}-v{row.Number}.yaml", LibraryFormat.WriteYaml(file));
    }

    /// <summary>On a database without any methodology, imports and publishes the seeded library as version 1.</summary>
    public async Task<bool> EnsureSeededAsync(CancellationToken ct = default)
    {
        (await currentUser.GetAsync(ct)).DemandSystem();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Methodologies.AnyAsync(ct)) return false;
        var file = ReadSeed();
        var methodology = new Domain.Methodology.Methodology(file.Methodology, file.Title);
        methodology.StartDraft(file.ToDocument())
            .Publish(Domain.Methodology.MethodologyVersion.FirstPublishedNote, (await currentUser.GetAsync(ct)).UserName, clock.GetUtcNow());
        db.Methodologies.Add(methodology);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>The seeded library; it is part of the build, so an error in it is a bug, not user input.</summary>
    public static LibraryFile ReadSeed()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(SeedResource)
            ?? throw new InvalidOperationException($"The seeded library {SeedResource} is missing from the build.");
        var (file, errors) = LibraryFormat.Read(new StreamReader(stream).ReadToEnd());
        return file ?? throw new InvalidOperationException("The seeded library is not valid: " + string.Join("; ", errors));
    }
}
