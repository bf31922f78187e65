using SoftTargets.Tests;
using Xunit.Abstractions;

[assembly: CollectionBehavior("SoftTargets.IntegrationTests.Infrastructure.DatabaseLanes", "SoftTargets.IntegrationTests", MaxParallelThreads = -1)]

namespace SoftTargets.IntegrationTests.Infrastructure;

/// <summary>
/// The database tests in lanes, each with its own <see cref="DatabaseFixture"/>: its own app and database
/// (SOFTTARGETS_INTEGRATION_LANES, 2 by default). Most of a database test's time is spent waiting on PostgreSQL.
/// </summary>
public sealed class DatabaseLanes(ITestAssembly testAssembly, IMessageSink diagnosticMessageSink)
    : TestLanes(testAssembly, diagnosticMessageSink, typeof(DatabaseCollection), DatabaseCollection.Name, "SOFTTARGETS_INTEGRATION_LANES", defaultLanes: 2);
