using SoftTargets.Web.Features.Account;

namespace SoftTargets.UnitTests.Web.Account;

public class LoginTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/sites")]
    [InlineData("/sites/0193f0c2-7b1e-7000-8000-000000000001?tab=threats#zones")]
    public void A_local_return_url_is_kept(string returnUrl)
    {
        Assert.Equal(returnUrl, Login.SafeReturnUrl(returnUrl));
    }

    [Theory]
    [InlineData("/sites/1/plan/print¿'\"(", "/sites/1/plan/print%C2%BF'%22(")]
    [InlineData("/sites?search=Koncertní síň", "/sites?search=Koncertn%C3%AD%20s%C3%AD%C5%88")]
    public void Characters_a_location_header_cannot_carry_are_percent_encoded(string returnUrl, string expected)
    {
        Assert.Equal(expected, Login.SafeReturnUrl(returnUrl));
        Assert.All(Login.SafeReturnUrl(returnUrl), c => Assert.InRange(c, '!', '~'));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("https://evil.example/phish")]
    [InlineData("http://evil.example")]
    [InlineData("javascript:alert(1)")]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("sites")]
    [InlineData("\\\\evil.example")]
    public void A_missing_or_non_local_return_url_becomes_the_home_page(string? returnUrl)
    {
        Assert.Equal("/", Login.SafeReturnUrl(returnUrl));
    }
}
