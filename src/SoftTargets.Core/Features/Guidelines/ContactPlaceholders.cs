using SoftTargets.Core.Domain.Common;

namespace SoftTargets.Core.Features.Guidelines;

/// <summary>
/// The contact placeholders of a methodology version's roles (<c>contact.&lt;role&gt;</c>, <c>.phone</c>, <c>.deputy</c>), each
/// with the marker and gap a site without the value gets, worded once from the role's name and shared by every site.
/// </summary>
internal sealed class ContactPlaceholders
{
    private readonly Dictionary<string, ContactPlaceholder> _placeholders = new(StringComparer.Ordinal);

    public ContactPlaceholders(IReadOnlyDictionary<string, LocalizedText> roleNames)
    {
        foreach (var (role, name) in roleNames)
        {
            _placeholders.Add($"contact.{role}", new(role, ContactValue.Name, new(
                new($"[{name.En} missing]", $"[chybí osoba: {name.Cs}]"),
                new($"Add a contact for the role {name.En} to the site's contacts (not marked as deputy).",
                    $"Doplňte do kontaktů objektu osobu v roli {name.Cs} (neoznačenou jako zástupce)."))));
            _placeholders.Add($"contact.{role}.phone", new(role, ContactValue.Phone, new(
                new($"[{name.En}'s phone missing]", $"[chybí telefon: {name.Cs}]"),
                new($"Add a phone number to the contact for the role {name.En}.", $"Doplňte telefonní číslo ke kontaktu pro roli {name.Cs}."))));
            _placeholders.Add($"contact.{role}.deputy", new(role, ContactValue.Deputy, new(
                new($"[{name.En}'s deputy missing]", $"[chybí zástupce: {name.Cs}]"),
                new($"Add a deputy for the role {name.En} to the site's contacts (mark the contact as deputy).",
                    $"Doplňte do kontaktů objektu zástupce pro roli {name.Cs} (označte kontakt jako zástupce)."))));
        }
    }

    /// <summary>A contact placeholder of one of the version's roles (a known placeholder that is no site or zone one).</summary>
    public ContactPlaceholder this[string placeholder] => _placeholders[placeholder];
}

internal enum ContactValue { Name, Phone, Deputy }

/// <summary>Which role's contact and which of its values a placeholder reads, and what stands in the text without it.</summary>
internal sealed record ContactPlaceholder(string Role, ContactValue Value, PlaceholderFill Missing);
