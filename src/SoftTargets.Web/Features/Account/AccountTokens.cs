using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SoftTargets.Core.Data;
using SoftTargets.Core.Domain.Users;
using SoftTargets.Core.Features.Users;

namespace SoftTargets.Web.Features.Account;

/// <summary>Invitation links live longer than password-reset links: their own provider, with its own lifetime and purpose.</summary>
public sealed class InvitationTokenProviderOptions : DataProtectionTokenProviderOptions;

public sealed class InvitationTokenProvider(
    IDataProtectionProvider dataProtection, IOptions<InvitationTokenProviderOptions> options, ILogger<DataProtectorTokenProvider<ApplicationUser>> logger)
    : DataProtectorTokenProvider<ApplicationUser>(dataProtection, options, logger);

/// <summary>
/// Who may sign in at all: an account that is not deactivated, in an organisation that is not deactivated. Identity asks
/// this before any password is accepted (<c>RequireConfirmedAccount</c>).
/// </summary>
public sealed class ActiveAccountConfirmation(IDbContextFactory<SoftTargetsDbContext> dbFactory) : IUserConfirmation<ApplicationUser>
{
    public async Task<bool> IsConfirmedAsync(UserManager<ApplicationUser> manager, ApplicationUser user)
    {
        if (user.DeactivatedAt is not null) return false;
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Organizations.AnyAsync(o => o.Id == user.OrganizationId && o.DeactivatedAt == null);
    }
}

public static class AccountTokens
{
    internal static IdentityBuilder AddAccountTokens(this IdentityBuilder identity)
    {
        var services = identity.Services;
        services.AddOptions<AccountSettings>().BindConfiguration(AccountSettings.Section);
        services.AddOptions<DataProtectionTokenProviderOptions>().Configure<IOptions<AccountSettings>>((options, accounts) =>
            options.TokenLifespan = accounts.Value.PasswordResetLifetime);
        services.AddOptions<InvitationTokenProviderOptions>().Configure<IOptions<AccountSettings>>((options, accounts) =>
        {
            options.Name = "InvitationDataProtectorTokenProvider";
            options.TokenLifespan = accounts.Value.InvitationLifetime;
        });
        services.AddScoped<IUserConfirmation<ApplicationUser>, ActiveAccountConfirmation>();
        return identity.AddTokenProvider<InvitationTokenProvider>(AccountSettings.InvitationTokenProvider);
    }
}
