using Microsoft.AspNetCore.Http;
using SoftTargets.Web.Features.Account;

namespace SoftTargets.UnitTests.Web.Account;

public class ApiCsrfFilterTests
{
    [Theory]
    [InlineData(null, null, false)]
    [InlineData("https://softtargets.example", null, false)]
    [InlineData(null, "same-origin", false)]
    [InlineData(null, "none", false)]
    [InlineData("https://softtargets.example:8443", null, true)]
    [InlineData("http://softtargets.example", null, true)]
    [InlineData("https://evil.example", null, true)]
    [InlineData(null, "same-site", true)]
    [InlineData(null, "cross-site", true)]
    public void Only_requests_of_the_own_origin_pass(string? origin, string? fetchSite, bool refused)
    {
        var context = new DefaultHttpContext();
        context.Request.Scheme = "https";
        context.Request.Host = new HostString("softtargets.example");
        if (origin is not null) context.Request.Headers.Origin = origin;
        if (fetchSite is not null) context.Request.Headers["Sec-Fetch-Site"] = fetchSite;

        Assert.Equal(refused, ApiCsrfFilter.CrossSiteReason(context.Request) is not null);
    }
}
