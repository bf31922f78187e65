using System.Buffers.Text;
using System.Text;

namespace SoftTargets.Core.Features.Sites;

/// <summary>One page of the site list in name order and the cursor of the next one, null on the last page.</summary>
public sealed record SiteListPage(IReadOnlyList<SiteListItem> Items, string? Next);

/// <summary>A page of the site list after a cursor (none for the first page), as API clients ask for it.</summary>
public sealed record SiteCursorRequest(string? After = null, int PageSize = 25, string? Search = null)
{
    public int Take => Math.Clamp(PageSize, 1, PageRequest.MaxPageSize);

    /// <summary>An unreadable cursor, a page size out of range or a bad search, by field.</summary>
    public Dictionary<string, string[]> Validate()
    {
        var problems = new PageRequest(PageSize: PageSize, Search: Search).Validate();
        if (After is not null && SiteCursor.Read(After) is null)
            problems[nameof(After)] = ["Pass the \"next\" value of the previous page unchanged, or leave \"after\" out for the first page."];
        return problems;
    }
}

/// <summary>
/// The position after a site in name order, opaque to clients: the site's id and name, base64url-encoded. Keyset paging
/// on (name, id) stays correct when sites are added or renamed between pages and costs the same at any depth.
/// </summary>
public static class SiteCursor
{
    private const int IdLength = 32;

    public static string Write(string name, Guid id) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(id.ToString("N") + name));

    /// <summary>The position, or null when the text is not a cursor this list wrote.</summary>
    public static (string Name, Guid Id)? Read(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor) || cursor.Length > 2_000) return null;
        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(cursor);
        }
        catch (FormatException)
        {
            return null;
        }
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (ArgumentException)
        {
            return null;
        }
        return text.Length >= IdLength && Guid.TryParseExact(text.AsSpan(0, IdLength), "N", out var id) ? (text[IdLength..], id) : null;
    }
}
