using Microsoft.EntityFrameworkCore;
using SoftTargets.Core.Data;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Domain.Users;
using SoftTargets.Core.Security;

namespace SoftTargets.Core.Features.Methodology;

public sealed record MethodologyVersionListItem(Guid Id, Guid MethodologyId, string Code, LocalizedText Name, int Number, MethodologyVersionStatus Status,
    string ChangeNote, DateTimeOffset? PublishedAt, int Measures, int Questions, int Playbooks);

/// <summary>The methodology library as editors (and auditors, read-only) see it.</summary>
public sealed class MethodologyQueries(IDbContextFactory<SoftTargetsDbContext> dbFactory, ICurrentUser currentUser)
{
    public async Task<IReadOnlyList<MethodologyVersionListItem>> ListVersionsAsync(CancellationToken ct = default)
    {
        var actor = await currentUser.GetAsync(ct);
        actor.Demand(actor.IsSystem || actor.IsIn(Roles.MethodologyEditor) || actor.IsIn(Roles.Auditor));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await (from v in db.MethodologyVersions
                          join m in db.Methodologies on v.MethodologyId equals m.Id
                          orderby m.Code, v.Number descending
                          select new { m.Code, m.Name, Version = v }).ToListAsync(ct);
        return rows.Select(r => new MethodologyVersionListItem(r.Version.Id, r.Version.MethodologyId, r.Code, r.Name, r.Version.Number, r.Version.Status,
            r.Version.ChangeNote, r.Version.PublishedAt, r.Version.Content.Measures.Count, r.Version.Content.Questions.Count,
            r.Version.Content.Playbooks.Count)).ToList();
    }
}
