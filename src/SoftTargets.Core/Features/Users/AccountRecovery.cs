using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Users;
using SoftTargets.Core.Mail;

namespace SoftTargets.Core.Features.Users;

/// <summary>
/// The links in account mails, used by people who are not signed in: an invitation sets the first password,
/// a reset link a new one. The token is the credential (Identity's token providers, tied to the security stamp,
/// so a link works once and dies with any password change); asking for a reset answers the same whether or not
/// the address has an account.
/// </summary>
public sealed class AccountRecovery(
    UserManager<ApplicationUser> users, IMailSender mail, IOptions<SmtpSettings> smtp, IOptions<AccountSettings> accounts, ILogger<AccountRecovery> logger)
{
    /// <summary>Sets the invited person's first password; the invitation then no longer works.</summary>
    public async Task AcceptInvitationAsync(string userId, string token, string password, CancellationToken ct = default)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null || user.PasswordHash is not null || user.DeactivatedAt is not null
            || !await users.VerifyUserTokenAsync(user, AccountSettings.InvitationTokenProvider, AccountSettings.InvitationPurpose, token))
            throw InvalidLink();
        Check(await users.AddPasswordAsync(user, password));
        user.EmailConfirmed = true;
        Check(await users.UpdateAsync(user));
        logger.LogInformation("User {UserId} of organisation {OrganizationId} accepted the invitation", user.Id, user.OrganizationId);
    }

    /// <summary>Mails a reset link when the address has an active account with a password; says nothing either way.</summary>
    public async Task RequestPasswordResetAsync(string email, CancellationToken ct = default)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null || user.PasswordHash is null || user.DeactivatedAt is not null)
        {
            logger.LogInformation("Password reset asked for an address without an active account");
            return;
        }
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = AccountLinks.Build(smtp.Value.PublicBaseUrl, "/account/reset-password", user.Id, token);
        await mail.SendAsync(AccountMails.PasswordReset(user.Email!, user.DisplayName, user.Language, link, accounts.Value.PasswordResetLifetime), ct);
        logger.LogInformation("Password reset mailed to user {UserId} of organisation {OrganizationId}", user.Id, user.OrganizationId);
    }

    /// <summary>Sets a new password from a reset link; a lockout ends with it.</summary>
    public async Task ResetPasswordAsync(string userId, string token, string password, CancellationToken ct = default)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null || user.DeactivatedAt is not null) throw InvalidLink();
        var result = await users.ResetPasswordAsync(user, token, password);
        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken))) throw InvalidLink();
        Check(result);
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        logger.LogInformation("User {UserId} of organisation {OrganizationId} reset their password", user.Id, user.OrganizationId);
    }

    private static ValidationFailedException InvalidLink() => ValidationFailedException.From(new Dictionary<string, LocalizedText>
    {
        ["Token"] = new("This link is no longer valid (it has expired or was already used). Ask for a new one.",
            "Tento odkaz už neplatí (vypršel, nebo už byl použit). Požádejte o nový."),
    });

    internal static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw PasswordProblems.From(result);
    }
}

/// <summary>Identity's refusals of a password, in English and Czech, at the password field.</summary>
public static class PasswordProblems
{
    public static ValidationFailedException From(IdentityResult result) => ValidationFailedException.From(new Dictionary<string, LocalizedText>
    {
        ["Password"] = new(string.Join(" ", result.Errors.Select(e => Text(e).En)), string.Join(" ", result.Errors.Select(e => Text(e).Cs))),
    });

    private static LocalizedText Text(IdentityError error) => error.Code switch
    {
        nameof(IdentityErrorDescriber.PasswordTooShort) => new("The password needs at least 12 characters.", "Heslo musí mít alespoň 12 znaků."),
        nameof(IdentityErrorDescriber.PasswordRequiresDigit) => new("It needs a digit.", "Musí obsahovat číslici."),
        nameof(IdentityErrorDescriber.PasswordRequiresLower) => new("It needs a lower-case letter.", "Musí obsahovat malé písmeno."),
        nameof(IdentityErrorDescriber.PasswordRequiresUpper) => new("It needs an upper-case letter.", "Musí obsahovat velké písmeno."),
        nameof(IdentityErrorDescriber.PasswordRequiresNonAlphanumeric) => new("It needs a symbol (such as - or !).", "Musí obsahovat symbol (například - nebo !)."),
        nameof(IdentityErrorDescriber.PasswordMismatch) => new("The current password is not right.", "Současné heslo není správné."),
        _ => new(error.Description, error.Description),
    };
}
