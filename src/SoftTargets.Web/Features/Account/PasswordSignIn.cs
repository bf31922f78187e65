using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SoftTargets.Core.Data;
using SoftTargets.Core.Domain.Users;

namespace SoftTargets.Web.Features.Account;

public enum SignInOutcome { Succeeded, Failed, LockedOut, RequiresTwoFactor }

/// <summary>
/// Signs in with e-mail and password so that an unknown address cannot be told from a real one:
/// it costs a password hash like a real account, counts its failures in <c>SignInFailures</c> and is
/// "locked" after the same number of them for the same time, with the same messages.
/// </summary>
public sealed class PasswordSignIn(
    SignInManager<ApplicationUser> signIn, IDbContextFactory<SoftTargetsDbContext> dbFactory, TimeProvider clock, ILogger<PasswordSignIn> logger)
{
    // Made by the configured hasher, so checking it costs what checking a real account's password costs.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IPasswordHasher<ApplicationUser>, string> DummyHashes = [];

    public async Task<SignInOutcome> SignInAsync(string email, string password, bool remember, string? clientAddress)
    {
        var user = await signIn.UserManager.FindByNameAsync(email);
        if (user is null) return await UnknownAccountAsync(email, password, clientAddress);

        var result = await signIn.PasswordSignInAsync(user, password, remember, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("User {UserId} of organisation {OrganizationId} signed in from {ClientAddress}", user.Id, user.OrganizationId, clientAddress);
            return SignInOutcome.Succeeded;
        }
        if (result.RequiresTwoFactor)
        {
            logger.LogInformation("User {UserId} of organisation {OrganizationId} gave the right password from {ClientAddress}; the second factor is asked", user.Id, user.OrganizationId, clientAddress);
            return SignInOutcome.RequiresTwoFactor;
        }
        if (result.IsLockedOut)
        {
            logger.LogWarning("Sign-in refused: user {UserId} of organisation {OrganizationId} is locked out until {LockoutEnd} (from {ClientAddress})",
                user.Id, user.OrganizationId, user.LockoutEnd, clientAddress);
            return SignInOutcome.LockedOut;
        }
        logger.LogWarning("Sign-in failed: wrong password for user {UserId} of organisation {OrganizationId} ({FailedAttempts} in a row) from {ClientAddress}",
            user.Id, user.OrganizationId, user.AccessFailedCount, clientAddress);
        return SignInOutcome.Failed;
    }

    private async Task<SignInOutcome> UnknownAccountAsync(string email, string password, string? clientAddress)
    {
        var now = clock.GetUtcNow();
        var options = signIn.Options.Lockout;
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToUpperInvariant())));
        await using var db = await dbFactory.CreateDbContextAsync();
        var failures = await db.SignInFailures.SingleOrDefaultAsync(f => f.AddressHash == key);
        // A locked real account answers without checking the password; so does a "locked" unknown one.
        if (failures?.IsLocked(now) == true)
        {
            logger.LogWarning("Sign-in refused: unknown e-mail is locked out (from {ClientAddress})", clientAddress);
            return SignInOutcome.LockedOut;
        }

        var hasher = signIn.UserManager.PasswordHasher;
        var dummyHash = DummyHashes.GetValue(hasher, h => h.HashPassword(new ApplicationUser(), Guid.NewGuid().ToString()));
        hasher.VerifyHashedPassword(new ApplicationUser(), dummyHash, password);
        if (failures is null) db.SignInFailures.Add(failures = new SignInFailure(key));
        failures.Fail(now, options.MaxFailedAccessAttempts, options.DefaultLockoutTimeSpan);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // Two failures for the same address at once: one is counted, which is as good.
        }
        logger.LogWarning("Sign-in failed: unknown e-mail from {ClientAddress}", clientAddress);
        return failures.IsLocked(now) ? SignInOutcome.LockedOut : SignInOutcome.Failed;
    }
}
