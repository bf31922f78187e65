using System.Security.Cryptography;
using SoftTargets.Core.Domain.Common;

namespace SoftTargets.Core.Domain.Plans;

/// <summary>A file that proves a measure is in place. The SHA-256 lets an auditor check it later.</summary>
public sealed class Evidence : AuditableEntity
{
    private Evidence() { }

    internal Evidence(Guid planMeasureId, string fileName, string contentType, byte[] content, DateOnly effectiveDate)
    {
        PlanMeasureId = planMeasureId;
        FileName = SafeFileName(fileName);
        ContentType = contentType;
        Size = content.LongLength;
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        Content = content;
        EffectiveDate = effectiveDate;
    }

    public Guid PlanMeasureId { get; private set; }
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long Size { get; private set; }
    public string Sha256 { get; private set; } = "";
    public DateOnly EffectiveDate { get; private set; }
    public byte[] Content { get; private set; } = [];

    /// <summary>The bare name, whichever system the upload came from; never a path.</summary>
    internal static string SafeFileName(string fileName)
    {
        var name = fileName.Split('/', '\\').Last().Trim();
        if (name.Length == 0 || name is "." or "..")
            throw ValidationFailedException.For(nameof(FileName), "The file has no name: rename it and upload it again.");
        if (name.Length > 255)
            throw ValidationFailedException.For(nameof(FileName), "The file name is longer than 255 characters: shorten it and upload it again.");
        return name;
    }
}
