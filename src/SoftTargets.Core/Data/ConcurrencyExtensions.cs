using Microsoft.EntityFrameworkCore;
using SoftTargets.Core.Domain.Common;

namespace SoftTargets.Core.Data;

public static class ConcurrencyExtensions
{
    /// <summary>Saves, turning a lost race on a concurrency token into a conflict the user is told about.</summary>
    public static async Task SaveConcurrentlyAsync(this DbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw new ConcurrencyConflictException(ex);
        }
    }
}
