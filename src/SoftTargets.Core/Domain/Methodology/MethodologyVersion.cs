using System.ComponentModel.DataAnnotations;
using SoftTargets.Core.Domain.Common;

namespace SoftTargets.Core.Domain.Methodology;

/// <summary>
/// One numbered version of a methodology. A draft can be edited; publishing freezes it for ever;
/// a published version can later be retired when a newer one replaces it.
/// </summary>
public sealed class MethodologyVersion : AuditableEntity
{
    private MethodologyVersion() { }

    internal MethodologyVersion(Guid methodologyId, int number, MethodologyDocument content)
    {
        MethodologyId = methodologyId;
        Number = number;
        Content = content;
    }

    public Guid MethodologyId { get; private set; }
    public int Number { get; private set; }
    public MethodologyVersionStatus Status { get; private set; } = MethodologyVersionStatus.Draft;
    public string ChangeNote { get; private set; } = "";

    /// <summary>
    /// The note the application itself writes on a methodology's first published version (seeding, library import). People's
    /// notes are shown as written; this one is recognised and shown in the reader's language.
    /// </summary>
    public const string FirstPublishedNote = "The methodology as first published in SoftTargets.";
    public DateTimeOffset? PublishedAt { get; private set; }
    public string? PublishedBy { get; private set; }
    public MethodologyDocument Content { get; private set; } = MethodologyDocument.Empty;

    [Timestamp]
    public uint Version { get; private set; }

    public void ReplaceContent(MethodologyDocument content)
    {
        EnsureDraft();
        Content = content;
    }

    public void Publish(string changeNote, string publishedBy, DateTimeOffset at)
    {
        EnsureDraft();
        if (string.IsNullOrWhiteSpace(changeNote))
            throw ValidationFailedException.For(nameof(ChangeNote), "Describe what changed in this version.");
        ChangeNote = changeNote.Trim();
        PublishedBy = publishedBy;
        PublishedAt = at;
        Status = MethodologyVersionStatus.Published;
    }

    public void Retire()
    {
        if (Status != MethodologyVersionStatus.Published)
            throw new DomainException("NotPublished", "Only a published version can be retired.");
        Status = MethodologyVersionStatus.Retired;
    }

    private void EnsureDraft()
    {
        if (Status != MethodologyVersionStatus.Draft)
            throw new DomainException("VersionFrozen", "A published version cannot change: start a new draft instead.");
    }
}
