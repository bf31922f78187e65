using Microsoft.EntityFrameworkCore;
using SoftTargets.Core.Data;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Domain.Users;
using SoftTargets.Core.Security;

namespace SoftTargets.Core.Features.Methodology;

public sealed record VersionView(Guid Id, Guid MethodologyId, string Code, LocalizedText Name, int Number, MethodologyVersionStatus Status,
    string ChangeNote, DateTimeOffset? PublishedAt, string? PublishedBy, MethodologyDocument Content, uint Version);

/// <summary>The problems that stop a draft from being published; nothing was changed.</summary>
public sealed class MethodologyInvalidException(IReadOnlyList<MethodologyProblem> problems)
    : DomainException("MethodologyInvalid", $"The draft has {problems.Count} problems to fix before it can be published.")
{
    public IReadOnlyList<MethodologyProblem> Problems { get; } = problems;
}

/// <summary>
/// Drafting and publishing by methodology editors. A draft is edited as a whole document (the page
/// changes one measure, question or step and saves the document); publishing validates it and
/// freezes it, and retires the version it replaces.
/// </summary>
public sealed class MethodologyAuthoring(IDbContextFactory<SoftTargetsDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
{
    public async Task<VersionView?> GetAsync(Guid versionId, CancellationToken ct = default)
    {
        var actor = await currentUser.GetAsync(ct);
        actor.Demand(actor.IsSystem || actor.IsIn(Roles.MethodologyEditor) || actor.IsIn(Roles.Auditor));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await (from v in db.MethodologyVersions
                      join m in db.Methodologies on v.MethodologyId equals m.Id
                      where v.Id == versionId
                      select new VersionView(v.Id, m.Id, m.Code, m.Name, v.Number, v.Status, v.ChangeNote, v.PublishedAt, v.PublishedBy, v.Content, v.Version))
            .FirstOrDefaultAsync(ct);
    }

    /// <summary>Starts a draft as a copy of the newest published version (or returns the open draft).</summary>
    public async Task<Guid> StartDraftAsync(Guid methodologyId, CancellationToken ct = default)
    {
        await DemandEditorAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var methodology = await db.Methodologies.Include(m => m.Versions).FirstOrDefaultAsync(m => m.Id == methodologyId, ct)
            ?? throw new NotFoundException("The methodology");
        if (methodology.Versions.FirstOrDefault(v => v.Status == MethodologyVersionStatus.Draft) is { } open) return open.Id;
        var source = methodology.Versions.Where(v => v.Status == MethodologyVersionStatus.Published).MaxBy(v => v.Number)
            ?? methodology.Versions.MaxBy(v => v.Number);
        var draft = methodology.StartDraft(source?.Content ?? MethodologyDocument.Empty);
        await db.SaveChangesAsync(ct);
        return draft.Id;
    }

    /// <summary>Saves the draft's whole content if nobody saved it since <paramref name="expectedVersion"/>.</summary>
    public async Task<uint> SaveAsync(Guid versionId, MethodologyDocument content, uint expectedVersion, CancellationToken ct = default)
    {
        await DemandEditorAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var version = await LoadAsync(db, versionId, expectedVersion, ct);
        version.ReplaceContent(content);
        await db.SaveConcurrentlyAsync(ct);
        return version.Version;
    }

    public async Task<IReadOnlyList<MethodologyProblem>> ValidateAsync(Guid versionId, CancellationToken ct = default)
    {
        var view = await GetAsync(versionId, ct) ?? throw new NotFoundException("The methodology version");
        return MethodologyValidator.Validate(view.Content, view.Code);
    }

    public async Task PublishAsync(Guid versionId, string changeNote, uint expectedVersion, CancellationToken ct = default)
    {
        var actor = await DemandEditorAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var version = await LoadAsync(db, versionId, expectedVersion, ct);
        var code = await db.Methodologies.Where(m => m.Id == version.MethodologyId).Select(m => m.Code).SingleAsync(ct);
        var problems = MethodologyValidator.Validate(version.Content, code);
        if (problems.Count > 0) throw new MethodologyInvalidException(problems);

        var previous = await db.MethodologyVersions
            .Where(v => v.MethodologyId == version.MethodologyId && v.Status == MethodologyVersionStatus.Published).ToListAsync(ct);
        version.Publish(changeNote, actor.UserName, clock.GetUtcNow());
        foreach (var old in previous) old.Retire();
        await db.SaveConcurrentlyAsync(ct);
    }

    /// <summary>Throws the draft away; published versions stay for ever.</summary>
    public async Task DiscardDraftAsync(Guid versionId, uint expectedVersion, CancellationToken ct = default)
    {
        await DemandEditorAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var version = await LoadAsync(db, versionId, expectedVersion, ct);
        if (version.Status != MethodologyVersionStatus.Draft)
            throw new DomainException("VersionFrozen", "A published version cannot be deleted.");
        db.MethodologyVersions.Remove(version);
        await db.SaveConcurrentlyAsync(ct);
    }

    private async Task<Actor> DemandEditorAsync(CancellationToken ct)
    {
        var actor = await currentUser.GetAsync(ct);
        actor.DemandRole(Roles.MethodologyEditor);
        return actor;
    }

    private static async Task<MethodologyVersion> LoadAsync(SoftTargetsDbContext db, Guid versionId, uint expectedVersion, CancellationToken ct)
    {
        var version = await db.MethodologyVersions.FirstOrDefaultAsync(v => v.Id == versionId, ct) ?? throw new NotFoundException("The methodology version");
        db.Entry(version).Property(v => v.Version).OriginalValue = expectedVersion;
        return version;
    }
}
