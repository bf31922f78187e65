namespace SoftTargets.Core.Domain.Common;

/// <summary>
/// A rule of the domain was broken by what the user asked for. <see cref="Code"/> is a stable key the
/// UI turns into a localised message that says what to do.
/// </summary>
public class DomainException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

/// <summary>The caller may not do this (wrong role or another organisation's data).</summary>
public sealed class AccessDeniedException(string message = "You are not allowed to do this.")
    : DomainException("AccessDenied", message);

/// <summary>Someone else saved the same record after the caller loaded it.</summary>
public sealed class ConcurrencyConflictException(Exception? inner = null)
    : Exception("Someone else changed this record after you opened it.", inner);

/// <summary>Input failed validation; nothing was saved.</summary>
public sealed class ValidationFailedException(IReadOnlyDictionary<string, string[]> errors)
    : DomainException("ValidationFailed", "The input is not valid: " + string.Join("; ", errors.SelectMany(e => e.Value)))
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    /// <summary>The same problems in every language, by field, where the rule that refused knows them.</summary>
    public IReadOnlyDictionary<string, LocalizedText> Problems { get; private init; } = new Dictionary<string, LocalizedText>();

    public static ValidationFailedException From(IReadOnlyDictionary<string, LocalizedText> problems) =>
        new(problems.ToDictionary(p => p.Key, p => new[] { p.Value.En })) { Problems = problems };

    public static ValidationFailedException For(string field, string message) =>
        new(new Dictionary<string, string[]> { [field] = [message] });
}

/// <summary>The record does not exist, or the caller may not know that it does.</summary>
public sealed class NotFoundException(string what) : DomainException("NotFound", $"{what} was not found.");
