using System.Reflection;
using System.Runtime.CompilerServices;
using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: CollectionBehavior("SoftTargets.E2ETests.Infrastructure.AppLanes", "SoftTargets.E2ETests", MaxParallelThreads = -1)]

namespace SoftTargets.E2ETests.Infrastructure;

/// <summary>
/// Splits the browser tests of the <see cref="AppCollection"/> into lanes that run side by side. Each lane is a
/// test collection of its own, so it gets its own <see cref="AppFixture"/>: its own app on its own database,
/// which its tests change and reset without another lane seeing it. Within a lane tests run one after the other,
/// as before. Test classes outside that collection get a collection per class, as xunit does by default.
/// </summary>
/// <remarks>
/// Classes are dealt out once, longest first to the lane with the least work so far; the work of a class is
/// guessed from the size of its test methods' compiled code, so a new journey lands in a lane without a list
/// to keep. SOFTTARGETS_E2E_LANES sets the number of lanes (2 by default; 1 runs everything in one app).
/// </remarks>
public sealed class AppLanes(ITestAssembly testAssembly, IMessageSink diagnosticMessageSink) : IXunitTestCollectionFactory
{
    /// <summary>What a test costs before its first step (a browser context, signing in, the circuit), in IL bytes.</summary>
    private const int CostOfATest = 400;

    private readonly CollectionPerClassTestCollectionFactory _perClass = new(testAssembly, diagnosticMessageSink);
    private readonly Lazy<IReadOnlyDictionary<string, ITestCollection>> _lanes = new(() => DealOut(testAssembly));

    public string DisplayName => "app lanes";

    public static int LaneCount =>
        int.TryParse(Environment.GetEnvironmentVariable("SOFTTARGETS_E2E_LANES"), out var lanes) && lanes > 0 ? lanes : 2;

    public ITestCollection Get(ITypeInfo testClass) =>
        _lanes.Value.TryGetValue(testClass.Name, out var lane) ? lane : _perClass.Get(testClass);

    private static Dictionary<string, ITestCollection> DealOut(ITestAssembly testAssembly)
    {
        var definition = Reflector.Wrap(typeof(AppCollection));
        var lanes = Enumerable.Range(1, LaneCount)
            .Select(n => (Collection: (ITestCollection)new TestCollection(testAssembly, definition, $"{AppCollection.Name} lane {n}"), Work: 0L))
            .ToArray();
        var classes = typeof(AppCollection).Assembly.GetTypes()
            .Where(type => type is { IsClass: true, IsAbstract: false } && InAppCollection(type))
            .Select(type => (Type: type, Work: Work(type)))
            .Where(c => c.Work > 0)
            .OrderByDescending(c => c.Work).ThenBy(c => c.Type.FullName, StringComparer.Ordinal);
        var byClass = new Dictionary<string, ITestCollection>();
        foreach (var (type, work) in classes)
        {
            var lightest = Array.IndexOf(lanes, lanes.MinBy(l => l.Work));
            lanes[lightest].Work += work;
            byClass[type.FullName!] = lanes[lightest].Collection;
        }
        return byClass;
    }

    private static bool InAppCollection(Type type) =>
        Reflector.Wrap(type).GetCustomAttributes(typeof(CollectionAttribute))
            .Any(a => a.GetConstructorArguments().FirstOrDefault() as string == AppCollection.Name);

    /// <summary>The guessed work of a class's tests: a fixed cost per test plus the size of its body (an async body lives in its state machine).</summary>
    private static long Work(Type type) =>
        type.GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m.IsDefined(typeof(FactAttribute), inherit: true))
            .Sum(m => (long)CostOfATest * Math.Max(1, m.GetCustomAttributes<DataAttribute>().Count()) + BodySize(m));

    private static long BodySize(MethodInfo method)
    {
        var body = method.GetCustomAttribute<AsyncStateMachineAttribute>()?.StateMachineType
            .GetMethod("MoveNext", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public) ?? method;
        return body.GetMethodBody()?.GetILAsByteArray()?.Length ?? 0;
    }
}
