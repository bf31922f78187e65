using SoftTargets.Tests;
using Xunit.Abstractions;

[assembly: CollectionBehavior("SoftTargets.E2ETests.Infrastructure.AppLanes", "SoftTargets.E2ETests", MaxParallelThreads = -1)]

namespace SoftTargets.E2ETests.Infrastructure;

/// <summary>The browser tests of the <see cref="AppCollection"/> in lanes, each with its own app (SOFTTARGETS_E2E_LANES, 2 by default).</summary>
public sealed class AppLanes(ITestAssembly testAssembly, IMessageSink diagnosticMessageSink)
    : TestLanes(testAssembly, diagnosticMessageSink, typeof(AppCollection), AppCollection.Name, "SOFTTARGETS_E2E_LANES", defaultLanes: 2);
