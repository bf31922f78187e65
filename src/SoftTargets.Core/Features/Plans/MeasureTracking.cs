using Microsoft.EntityFrameworkCore;
using SoftTargets.Core.Data;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Plans;
using SoftTargets.Core.Features.Sites;
using SoftTargets.Core.Security;

namespace SoftTargets.Core.Features.Plans;

public sealed record MeasureUpdate(MeasureStatus Status, string Justification, string Owner, DateOnly? DueDate, int ReviewMonths, DateOnly? NextReview);

/// <summary>
/// What to set on several measures at once; a null field stays as each measure has it. <see cref="Justification"/>
/// goes with the status and is needed for not applicable.
/// </summary>
public sealed record MeasureBulkUpdate(string? Owner = null, DateOnly? DueDate = null, MeasureStatus? Status = null, string Justification = "")
{
    /// <summary>How far ahead a due date set for many measures may lie.</summary>
    public const int MaxYearsAhead = 10;

    /// <summary>Every problem with the request itself, by field, in both languages; empty when it can be applied.</summary>
    public IReadOnlyDictionary<string, LocalizedText> Problems(int measureCount, DateOnly today)
    {
        var problems = new Dictionary<string, LocalizedText>();
        if (measureCount == 0)
            problems["Measures"] = new("Choose at least one measure.", "Vyberte alespoň jedno opatření.");
        if (Owner is null && DueDate is null && Status is null)
            problems["Changes"] = new("Choose what to change: owner, due date or status.", "Vyberte, co změnit: odpovědnou osobu, termín nebo stav.");
        if (Owner is { } owner && owner.Trim().Length > 200)
            problems["Owner"] = new("The owner can have at most 200 characters.", "Odpovědná osoba může mít nejvýše 200 znaků.");
        if (DueDate is { } due && (due < today || due > today.AddYears(MaxYearsAhead)))
            problems["DueDate"] = new($"Enter a due date from today up to {MaxYearsAhead} years ahead.", $"Zadejte termín od dneška nejvýše {MaxYearsAhead} let dopředu.");
        if (Status is { } status && !Enum.IsDefined(status))
            problems["Status"] = new("Choose one of the offered statuses.", "Vyberte jeden z nabízených stavů.");
        if (Status == MeasureStatus.NotApplicable && string.IsNullOrWhiteSpace(Justification))
            problems["Justification"] = new("Say why these measures do not apply to the site.", "Uveďte, proč se tato opatření na objekt nevztahují.");
        return problems;
    }
}

/// <summary>An evidence file was refused; <see cref="DomainException.Code"/> says why (EvidenceTooLarge, EvidenceType, EvidenceEmpty).</summary>
public sealed class EvidenceRejectedException(string code, string message) : DomainException(code, message);

/// <summary>
/// The venue manager tracks each measure to done: status, owner, dates and evidence files. Only the
/// site's own organisation changes them; auditors read them.
/// </summary>
public sealed class MeasureTracking(IDbContextFactory<SoftTargetsDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
{
    public const long MaxEvidenceBytes = 10 * 1024 * 1024;

    /// <summary>File types accepted as evidence, by extension, with the bytes their content must start with (null: plain text).</summary>
    private static readonly Dictionary<string, (string ContentType, byte[]? Magic)> AllowedTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = ("application/pdf", "%PDF"u8.ToArray()),
        [".png"] = ("image/png", [0x89, 0x50, 0x4E, 0x47]),
        [".jpg"] = ("image/jpeg", [0xFF, 0xD8, 0xFF]),
        [".jpeg"] = ("image/jpeg", [0xFF, 0xD8, 0xFF]),
        [".docx"] = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "PK"u8.ToArray()),
        [".xlsx"] = ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "PK"u8.ToArray()),
        [".odt"] = ("application/vnd.oasis.opendocument.text", "PK"u8.ToArray()),
        [".txt"] = ("text/plain", null),
        [".csv"] = ("text/csv", null),
    };

    public static IReadOnlyCollection<string> AllowedExtensions => AllowedTypes.Keys;

    public async Task<uint> UpdateAsync(Guid planMeasureId, MeasureUpdate update, uint expectedVersion, CancellationToken ct = default)
    {
        var actor = await currentUser.GetAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var measure = await LoadForChangeAsync(db, actor, planMeasureId, ct);
        db.Entry(measure).Property(m => m.Version).OriginalValue = expectedVersion;
        if (measure.Status != update.Status || measure.Justification != update.Justification.Trim())
            measure.ChangeStatus(update.Status, update.Justification, actor.UserName, clock.GetUtcNow());
        measure.Assign(update.Owner, update.DueDate, update.ReviewMonths, update.NextReview);
        await db.SaveConcurrentlyAsync(ct);
        return measure.Version;
    }

    /// <summary>
    /// Sets the owner, due date or status of several measures of one site in one transaction: all are saved or none.
    /// A measure of another site, or of a site the caller may not see, reads as not found and nothing is saved.
    /// </summary>
    public async Task<int> UpdateManyAsync(Guid siteId, IReadOnlyCollection<Guid> planMeasureIds, MeasureBulkUpdate update, CancellationToken ct = default)
    {
        var actor = await currentUser.GetAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var organizationId = await SiteQueries.Visible(db, actor).Where(s => s.Id == siteId).Select(s => (Guid?)s.OrganizationId).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("The site");
        actor.Demand(actor.CanChangeSitesOf(organizationId));

        var ids = planMeasureIds.Distinct().ToList();
        var problems = update.Problems(ids.Count, MeasureDeadlines.Today(clock));
        if (problems.Count > 0) throw ValidationFailedException.From(problems);

        var measures = await db.PlanMeasures.Where(m => m.SiteId == siteId && ids.Contains(m.Id)).ToListAsync(ct);
        if (measures.Count != ids.Count) throw new NotFoundException("The measure");

        var now = clock.GetUtcNow();
        foreach (var measure in measures)
        {
            if (update.Status is { } status
                && (measure.Status != status || (status == MeasureStatus.NotApplicable && measure.Justification != update.Justification.Trim())))
                measure.ChangeStatus(status, update.Justification, actor.UserName, now);
            measure.Assign(update.Owner ?? measure.Owner, update.DueDate ?? measure.DueDate, measure.ReviewMonths, measure.NextReview);
        }
        await db.SaveConcurrentlyAsync(ct);
        return measures.Count;
    }

    /// <summary>Stores an evidence file after checking its size, type and content; a refused file stores nothing.</summary>
    public async Task<Guid> AddEvidenceAsync(Guid planMeasureId, string fileName, Stream content, DateOnly effectiveDate, CancellationToken ct = default)
    {
        var actor = await currentUser.GetAsync(ct);
        if (!AllowedTypes.TryGetValue(Path.GetExtension(fileName.Split('/', '\\').Last()), out var type))
            throw new EvidenceRejectedException("EvidenceType", $"Files of this type are not accepted. Use one of: {string.Join(", ", AllowedTypes.Keys)}.");
        var bytes = await ReadLimitedAsync(content, ct);
        if (bytes.Length == 0) throw new EvidenceRejectedException("EvidenceEmpty", "The file is empty.");
        if (type.Magic is { } magic && !bytes.AsSpan().StartsWith(magic))
            throw new EvidenceRejectedException("EvidenceType", "The file's content does not match its type: save it again as a real file of that type.");

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var measure = await LoadForChangeAsync(db, actor, planMeasureId, ct);
        var evidence = measure.AddEvidence(fileName, type.ContentType, bytes, effectiveDate);
        await db.SaveChangesAsync(ct);
        return evidence.Id;
    }

    /// <summary>The stored file, for whoever may see the site (venue managers of its organisation, auditors).</summary>
    public Task<(string FileName, string ContentType, byte[] Content)?> GetEvidenceAsync(Guid evidenceId, CancellationToken ct = default) =>
        FindEvidenceAsync(evidenceId, siteId: null, ct);

    /// <summary>The stored file when it belongs to the given site and the caller may see that site; null otherwise.</summary>
    public Task<(string FileName, string ContentType, byte[] Content)?> GetEvidenceAsync(Guid siteId, Guid evidenceId, CancellationToken ct = default) =>
        FindEvidenceAsync(evidenceId, siteId, ct);

    private async Task<(string FileName, string ContentType, byte[] Content)?> FindEvidenceAsync(Guid evidenceId, Guid? siteId, CancellationToken ct)
    {
        var actor = await currentUser.GetAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var sites = SiteQueries.Visible(db, actor).Select(s => s.Id);
        var file = await (from e in db.Evidence
                          join m in db.PlanMeasures on e.PlanMeasureId equals m.Id
                          where e.Id == evidenceId && sites.Contains(m.SiteId) && (siteId == null || m.SiteId == siteId)
                          select new { e.FileName, e.ContentType, e.Content }).FirstOrDefaultAsync(ct);
        return file is null ? null : (file.FileName, file.ContentType, file.Content);
    }

    private static async Task<byte[]> ReadLimitedAsync(Stream content, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxEvidenceBytes)
                throw new EvidenceRejectedException("EvidenceTooLarge", $"The file is larger than {MaxEvidenceBytes / 1024 / 1024} MB: scan at a lower resolution or split it.");
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static async Task<PlanMeasure> LoadForChangeAsync(SoftTargetsDbContext db, Actor actor, Guid planMeasureId, CancellationToken ct)
    {
        var measure = await db.PlanMeasures.FirstOrDefaultAsync(m => m.Id == planMeasureId, ct) ?? throw new NotFoundException("The measure");
        var organizationId = await db.Sites.Where(s => s.Id == measure.SiteId).Select(s => s.OrganizationId).SingleAsync(ct);
        if (!actor.CanReadSitesOf(organizationId)) throw new NotFoundException("The measure");
        actor.Demand(actor.CanChangeSitesOf(organizationId));
        return measure;
    }
}
