using System.Reflection;
using Xunit.Sdk;

namespace SoftTargets.IntegrationTests.Infrastructure;

/// <summary>
/// Marks a test (or every test of a class) that only reads: no writes through services, HTTP or the CLI,
/// and no sign-in (signing in may write). The demo data is then not restored after it.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class ReadsOnlyAttribute : BeforeAfterTestAttribute
{
    // Database tests run one at a time in their collection; this holds for the one running now.
    internal static bool CurrentTestReadsOnly { get; private set; }

    public override void Before(MethodInfo methodUnderTest) => CurrentTestReadsOnly = true;

    public override void After(MethodInfo methodUnderTest) { }

    internal static bool Take()
    {
        var readsOnly = CurrentTestReadsOnly;
        CurrentTestReadsOnly = false;
        return readsOnly;
    }
}
