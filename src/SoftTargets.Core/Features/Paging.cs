namespace SoftTargets.Core.Features;

/// <summary>One page of a server-side sorted and filtered list, as grids ask for it.</summary>
public sealed record PageRequest(int Page = 0, int PageSize = 25, string? SortBy = null, bool Descending = false, string? Search = null)
{
    public int Skip => Math.Max(0, Page) * Take;
    public int Take => Math.Clamp(PageSize, 1, 500);
}

public sealed record PagedResult<T>(IReadOnlyList<T> Items, int TotalCount);
