namespace SoftTargets.Core.Features;

/// <summary>One page of a server-side sorted and filtered list, as grids ask for it.</summary>
public sealed record PageRequest(int Page = 0, int PageSize = 25, string? SortBy = null, bool Descending = false, string? Search = null)
{
    public const int MaxPageSize = 500;

    /// <summary>Far past any list's end; a larger page number is a mistake, not a request.</summary>
    public const int MaxPage = 1_000_000;

    public int Skip => (int)Math.Min((long)Math.Clamp(Page, 0, MaxPage) * Take, int.MaxValue);
    public int Take => Math.Clamp(PageSize, 1, MaxPageSize);

    /// <summary>A page number or size out of range, by field, for callers that send them by hand.</summary>
    public Dictionary<string, string[]> Validate()
    {
        var problems = new Dictionary<string, string[]>();
        if (Page is < 0 or > MaxPage) problems[nameof(Page)] = [$"Ask for a page from 0 (the first) to {MaxPage}."];
        if (PageSize is < 1 or > MaxPageSize) problems[nameof(PageSize)] = [$"Ask for 1 to {MaxPageSize} items a page."];
        if (Search is { Length: > 200 } || Search?.Any(char.IsControl) == true) problems[nameof(Search)] = ["Search for at most 200 characters without control characters."];
        return problems;
    }
}

public sealed record PagedResult<T>(IReadOnlyList<T> Items, int TotalCount);
