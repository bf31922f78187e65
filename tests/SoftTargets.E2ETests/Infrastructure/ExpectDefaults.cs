using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace SoftTargets.E2ETests.Infrastructure;

internal static class ExpectDefaults
{
    /// <summary>
    /// Retrying assertions wait up to 15 s instead of Playwright's 5 s: two lanes of journeys and the integration tests share
    /// two cores, and a Blazor round trip on a busy machine can take longer than 5 s without anything being wrong.
    /// </summary>
    [ModuleInitializer]
    internal static void Apply() => Assertions.SetDefaultExpectTimeout(15_000);
}
