using System.Reflection;
using System.Runtime.CompilerServices;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace SoftTargets.Tests;

/// <summary>
/// Splits the test classes of one collection into lanes that run side by side. Each lane is a test collection of its
/// own, so it gets its own collection fixture: its own app on its own database, which its tests change and reset
/// without another lane seeing it. Within a lane tests run one after the other. Test classes outside that collection
/// get a collection per class, as xunit does by default.
/// </summary>
/// <remarks>
/// Classes are dealt out once, longest first to the lane with the least work so far; the work of a class is guessed
/// from the size of its test methods' compiled code, so a new test lands in a lane without a list to keep. An
/// environment variable sets the number of lanes (1 runs everything in one fixture).
/// </remarks>
public abstract class TestLanes(ITestAssembly testAssembly, IMessageSink diagnosticMessageSink, Type collectionDefinition,
    string collectionName, string lanesVariable, int defaultLanes) : IXunitTestCollectionFactory
{
    /// <summary>What a test costs before its first step (a fixture reset, signing in, a browser context), in IL bytes.</summary>
    private const int CostOfATest = 400;

    private readonly CollectionPerClassTestCollectionFactory _perClass = new(testAssembly, diagnosticMessageSink);
    private Dictionary<string, ITestCollection>? _lanes;
    private readonly Lock _dealing = new();

    public string DisplayName => $"{collectionName} lanes";

    public int LaneCount =>
        int.TryParse(Environment.GetEnvironmentVariable(lanesVariable), out var lanes) && lanes > 0 ? lanes : defaultLanes;

    public ITestCollection Get(ITypeInfo testClass) =>
        Lanes().TryGetValue(testClass.Name, out var lane) ? lane : _perClass.Get(testClass);

    private Dictionary<string, ITestCollection> Lanes()
    {
        lock (_dealing) return _lanes ??= DealOut();
    }

    private Dictionary<string, ITestCollection> DealOut()
    {
        var definition = Reflector.Wrap(collectionDefinition);
        var lanes = Enumerable.Range(1, LaneCount)
            .Select(n => (Collection: (ITestCollection)new TestCollection(testAssembly, definition, $"{collectionName} lane {n}"), Work: 0L))
            .ToArray();
        var classes = collectionDefinition.Assembly.GetTypes()
            .Where(type => type is { IsClass: true, IsAbstract: false } && InCollection(type))
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

    private bool InCollection(Type type) =>
        Reflector.Wrap(type).GetCustomAttributes(typeof(CollectionAttribute))
            .Any(a => a.GetConstructorArguments().FirstOrDefault() as string == collectionName);

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
