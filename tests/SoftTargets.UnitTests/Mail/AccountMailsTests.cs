using SoftTargets.Core.Mail;

namespace SoftTargets.UnitTests.Mail;

public sealed class AccountMailsTests
{
    [Fact]
    public void An_invitation_reads_in_the_recipients_language()
    {
        var czech = AccountMails.Invitation("a@mail.example", "Anna", "cs", "Škola", "http://app.example/x", TimeSpan.FromHours(72));
        var english = AccountMails.Invitation("a@mail.example", "Anna", "en", "School", "http://app.example/x", TimeSpan.FromHours(72));

        Assert.StartsWith("Pozvánka", czech.Subject);
        Assert.Contains("72 hodin", czech.TextBody);
        Assert.StartsWith("Your invitation", english.Subject);
        Assert.Contains("72 hours", english.TextBody);
    }

    [Theory]
    [InlineData(1, "1 hodinu")]
    [InlineData(2, "2 hodiny")]
    [InlineData(24, "24 hodin")]
    public void A_reset_mail_counts_its_hours_in_czech(int hours, string expected) =>
        Assert.Contains($"Odkaz platí {expected} ", AccountMails.PasswordReset("a@mail.example", "A", "cs", "http://app.example/r", TimeSpan.FromHours(hours)).TextBody);

    [Fact]
    public void The_html_body_encodes_what_people_typed()
    {
        var mail = AccountMails.Invitation("a@mail.example", "<b>Eve</b>", "en", "A & B", "http://app.example/x?a=1&b=2", TimeSpan.FromHours(1));

        Assert.Contains("&lt;b&gt;Eve&lt;/b&gt;", mail.HtmlBody);
        Assert.Contains("A &amp; B", mail.HtmlBody);
        Assert.DoesNotContain("<b>Eve", mail.HtmlBody);
    }
}
