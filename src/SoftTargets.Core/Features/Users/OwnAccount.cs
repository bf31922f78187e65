using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Users;
using SoftTargets.Core.Security;

namespace SoftTargets.Core.Features.Users;

public sealed record TwoFactorStatus(bool Enabled, bool Required, int RecoveryCodesLeft);

/// <summary>The shared key of an authenticator being set up, grouped for reading, and the <c>otpauth://</c> address its QR code holds.</summary>
public sealed record AuthenticatorSetup(string SharedKey, string GroupedKey, string OtpAuthUri);

public sealed record ProfileInfo(string Email, string DisplayName, string Language);

/// <summary>
/// What every signed-in user does with their own account: the second factor (an authenticator app's
/// time-based codes and ten recovery codes, kept by Identity in <c>AspNetUserTokens</c>), the password,
/// the display name and language. Every change of a credential changes the security stamp, so the
/// user's other sessions end; the host renews the caller's own session.
/// </summary>
public sealed class OwnAccount(UserManager<ApplicationUser> users, ICurrentUser currentUser, IOptions<AccountSettings> accounts, ILogger<OwnAccount> logger)
{
    public const int RecoveryCodeCount = 10;
    public const string Issuer = "SoftTargets";

    /// <summary>The login provider under which Identity's user store keeps the authenticator key and recovery codes.</summary>
    private const string StoreProvider = "[AspNetUserStore]";

    public async Task<TwoFactorStatus> GetTwoFactorAsync(CancellationToken ct = default)
    {
        var user = await SignedInUserAsync(ct);
        return new TwoFactorStatus(user.TwoFactorEnabled, await RequiresTwoFactorAsync(user), user.TwoFactorEnabled ? await users.CountRecoveryCodesAsync(user) : 0);
    }

    /// <summary>The key to enter in an authenticator app; made on first use and kept until the second factor is on or reset.</summary>
    public async Task<AuthenticatorSetup> GetAuthenticatorSetupAsync(CancellationToken ct = default)
    {
        var user = await SignedInUserAsync(ct);
        if (user.TwoFactorEnabled) throw AlreadyOn();
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // Not ResetAuthenticatorKeyAsync: merely looking at the set-up must not end the user's other sessions.
            key = users.GenerateNewAuthenticatorKey();
            Check(await users.SetAuthenticationTokenAsync(user, StoreProvider, "AuthenticatorKey", key));
        }
        var label = Uri.EscapeDataString(Issuer) + ":" + Uri.EscapeDataString(user.Email ?? user.UserName ?? user.Id);
        var uri = $"otpauth://totp/{label}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6&period=30";
        return new AuthenticatorSetup(key, Group(key), uri);
    }

    /// <summary>Turns the second factor on when <paramref name="code"/> is the app's current code; returns the ten recovery codes, shown once.</summary>
    public async Task<IReadOnlyList<string>> EnableTwoFactorAsync(string code, CancellationToken ct = default)
    {
        var user = await SignedInUserAsync(ct);
        if (user.TwoFactorEnabled) throw AlreadyOn();
        var cleaned = Clean(code);
        if (cleaned.Length == 0 || string.IsNullOrEmpty(await users.GetAuthenticatorKeyAsync(user))
            || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, cleaned))
            throw WrongCode();
        Check(await users.SetTwoFactorEnabledAsync(user, true));
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList() ?? [];
        logger.LogInformation("User {UserId} of organisation {OrganizationId} turned on two-factor authentication", user.Id, user.OrganizationId);
        return codes;
    }

    /// <summary>Ten new recovery codes in place of the old ones (password required).</summary>
    public async Task<IReadOnlyList<string>> NewRecoveryCodesAsync(string password, CancellationToken ct = default)
    {
        var user = await SignedInUserAsync(ct);
        await DemandPasswordAsync(user, password);
        if (!user.TwoFactorEnabled) throw ValidationFailedException.From(new Dictionary<string, LocalizedText>
        {
            [""] = new("Two-factor authentication is not on.", "Dvoufázové ověření není zapnuté."),
        });
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList() ?? [];
        Check(await users.UpdateSecurityStampAsync(user));
        return codes;
    }

    /// <summary>Turns the second factor off and forgets the key and recovery codes (password required). Staff who must use it are sent to set it up again.</summary>
    public async Task DisableTwoFactorAsync(string password, CancellationToken ct = default)
    {
        var user = await SignedInUserAsync(ct);
        await DemandPasswordAsync(user, password);
        await TurnOffAsync(users, user);
        logger.LogInformation("User {UserId} of organisation {OrganizationId} turned off two-factor authentication", user.Id, user.OrganizationId);
    }

    public async Task ChangePasswordAsync(string currentPassword, string newPassword, CancellationToken ct = default)
    {
        var user = await SignedInUserAsync(ct);
        var result = await users.ChangePasswordAsync(user, currentPassword ?? "", newPassword ?? "");
        if (!result.Succeeded)
        {
            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch))) throw WrongPassword();
            throw PasswordProblems.From(result);
        }
        logger.LogInformation("User {UserId} of organisation {OrganizationId} changed their password", user.Id, user.OrganizationId);
    }

    public async Task<ProfileInfo> GetProfileAsync(CancellationToken ct = default)
    {
        var user = await SignedInUserAsync(ct);
        return new ProfileInfo(user.Email ?? "", user.DisplayName, user.Language);
    }

    public async Task UpdateProfileAsync(string displayName, string language, CancellationToken ct = default)
    {
        var user = await SignedInUserAsync(ct);
        var problems = new Dictionary<string, LocalizedText>();
        var name = (displayName ?? "").Trim();
        if (name.Length is 0 or > 200 || name.Any(char.IsControl))
            problems["DisplayName"] = new("Give a name of 1 to 200 characters.", "Zadejte jméno o 1 až 200 znacích.");
        if (!Languages.All.Contains(language)) problems["Language"] = new("Choose English or Czech.", "Vyberte angličtinu, nebo češtinu.");
        if (problems.Count > 0) throw ValidationFailedException.From(problems);
        user.DisplayName = name;
        user.Language = language;
        Check(await users.UpdateAsync(user));
    }

    /// <summary>Whether the user's roles demand a second factor (administrators, methodology editors, auditors) while the setting is on.</summary>
    private async Task<bool> RequiresTwoFactorAsync(ApplicationUser user) =>
        accounts.Value.RequireTwoFactorForStaff && (await users.GetRolesAsync(user)).Any(AccountSettings.StaffRoles.Contains);

    internal static async Task TurnOffAsync(UserManager<ApplicationUser> users, ApplicationUser user)
    {
        Check(await users.SetTwoFactorEnabledAsync(user, false));
        Check(await users.RemoveAuthenticationTokenAsync(user, StoreProvider, "AuthenticatorKey"));
        Check(await users.RemoveAuthenticationTokenAsync(user, StoreProvider, "RecoveryCodes"));
        Check(await users.UpdateSecurityStampAsync(user));
    }

    /// <summary>Spaces and dashes people type or copy are not part of a code.</summary>
    public static string Clean(string? code) => new((code ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());

    /// <summary>The key in lower-case groups of four, as authenticator apps show it.</summary>
    public static string Group(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            if (i > 0) text.Append(' ');
            text.Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }
        return text.ToString().ToLower(CultureInfo.InvariantCulture);
    }

    private async Task<ApplicationUser> SignedInUserAsync(CancellationToken ct, [System.Runtime.CompilerServices.CallerMemberName] string operation = "")
    {
        var actor = await currentUser.GetAsync(ct);
        actor.Demand(actor.IsAuthenticated && !actor.IsSystem, operation);
        return await users.FindByIdAsync(actor.UserId) ?? throw new NotFoundException("The user");
    }

    private async Task DemandPasswordAsync(ApplicationUser user, string password)
    {
        if (!await users.CheckPasswordAsync(user, password ?? "")) throw WrongPassword();
    }

    private static ValidationFailedException WrongPassword() => ValidationFailedException.From(new Dictionary<string, LocalizedText>
    {
        ["CurrentPassword"] = new("The current password is not right.", "Současné heslo není správné."),
    });

    private static ValidationFailedException WrongCode() => ValidationFailedException.From(new Dictionary<string, LocalizedText>
    {
        ["Code"] = new("The code is not right. Enter the six digits the app shows now.", "Kód není správný. Zadejte šest číslic, které aplikace ukazuje právě teď."),
    });

    private static ValidationFailedException AlreadyOn() => ValidationFailedException.From(new Dictionary<string, LocalizedText>
    {
        [""] = new("Two-factor authentication is already on.", "Dvoufázové ověření už je zapnuté."),
    });

    private static void Check(IdentityResult result) => AccountRecovery.Check(result);
}
