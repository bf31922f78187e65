using SoftTargets.Core.Domain.Common;

namespace SoftTargets.Core.Domain.Methodology;

/// <summary>A methodology with a stable code; its content lives in its versions.</summary>
public sealed class Methodology : AuditableEntity
{
    private readonly List<MethodologyVersion> _versions = [];

    private Methodology() { }

    public Methodology(string code, LocalizedText name)
    {
        if (string.IsNullOrWhiteSpace(code))
            throw ValidationFailedException.For(nameof(Code), "Enter the methodology's code.");
        Code = code.Trim();
        Name = name;
    }

    public string Code { get; private set; } = "";
    public LocalizedText Name { get; private set; } = new("", "");
    public IReadOnlyList<MethodologyVersion> Versions => _versions;

    /// <summary>Starts a new draft: the first one empty, later ones a copy of the given version.</summary>
    public MethodologyVersion StartDraft(MethodologyDocument content)
    {
        if (_versions.Any(v => v.Status == MethodologyVersionStatus.Draft))
            throw new DomainException("DraftExists", "This methodology already has a draft: edit or publish it first.");
        var draft = new MethodologyVersion(Id, _versions.Count == 0 ? 1 : _versions.Max(v => v.Number) + 1, content);
        _versions.Add(draft);
        return draft;
    }
}
