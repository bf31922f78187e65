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
