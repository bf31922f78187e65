using System.Collections.Concurrent;
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
    // Lanes run side by side, but a test class belongs to one lane, whose tests run one at a time: keyed by class,
    // the mark holds for the test of that class running now.
    private static readonly ConcurrentDictionary<Type, bool> ReadsOnlyNow = new();

    public override void Before(MethodInfo methodUnderTest) => ReadsOnlyNow[methodUnderTest.ReflectedType!] = true;

    public override void After(MethodInfo methodUnderTest) { }

    internal static bool Take(Type testClass) => ReadsOnlyNow.TryRemove(testClass, out _);
}
