using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Features.Assessment;
using SoftTargets.Core.Features.Methodology;
using SoftTargets.IntegrationTests.Infrastructure;

namespace SoftTargets.IntegrationTests.Assessment;

/// <summary>
/// The assessment pages read the methodology version a site follows: its id from the database on every request, the
/// published version's document from the cache of published versions. The commands EF Core sends from the test's own
/// flow are recorded (not those of the app's background jobs).
/// </summary>
public sealed class SiteMethodologyCacheTests(DatabaseFixture fixture) : DatabaseTest(fixture)
{
    private const string Stadium = "Slezská aréna";
    private const string Mall = "Obchodní centrum Brána Plzeň";

    [Fact]
    public async Task Two_reads_of_a_sites_assessment_load_the_version_document_once_at_most()
    {
        var stadium = await SiteIdAsync(Stadium);

        using var commands = new CommandRecorder();
        // Pooled contexts keep EF Core's logging set-up, which notices a new listener within a second (LoggingCacheTime).
        await Task.Delay(TimeSpan.FromSeconds(1.2));
        var first = await Fixture.AsAsync<ThreatAssessmentView?, ThreatAssessment>(ArenaManager, a => a.GetAsync(stadium));
        var second = await Fixture.AsAsync<ThreatAssessmentView?, ThreatAssessment>(ArenaManager, a => a.GetAsync(stadium));

        Assert.NotEmpty(first!.Threats);
        Assert.Equal(first.Threats.Select(t => t.Key), second!.Threats.Select(t => t.Key));
        Assert.NotEmpty(commands.Texts);
        var documentLoads = commands.Texts.Count(LoadsVersionDocument);
        Assert.True(documentLoads <= 1, $"The version document was loaded {documentLoads} times:\n" + string.Join("\n---\n", commands.Texts.Where(LoadsVersionDocument)));
    }

    [Fact]
    public async Task A_newly_published_version_is_seen_at_once_by_a_site_without_a_plan_and_not_by_one_whose_plan_follows_the_old()
    {
        var mall = await SiteIdAsync(Mall);
        var stadium = await SiteIdAsync(Stadium);
        var before = await Fixture.AsAsync<ThreatAssessmentView?, ThreatAssessment>(ArenaManager, a => a.GetAsync(mall));
        var renamedKey = before!.Threats[0].Key;

        await PublishWithRenamedThreatAsync(renamedKey);

        var after = await Fixture.AsAsync<ThreatAssessmentView?, ThreatAssessment>(ArenaManager, a => a.GetAsync(mall));
        var planned = await Fixture.AsAsync<ThreatAssessmentView?, ThreatAssessment>(ArenaManager, a => a.GetAsync(stadium));
        Assert.Equal(before.MethodologyNumber + 1, after!.MethodologyNumber);
        Assert.Equal("Renamed threat", after.Threats.Single(t => t.Key == renamedKey).Name.En);
        Assert.Equal(before.MethodologyNumber, planned!.MethodologyNumber);
        Assert.NotEqual("Renamed threat", planned.Threats.Single(t => t.Key == renamedKey).Name.En);
    }

    private async Task PublishWithRenamedThreatAsync(string threatKey)
    {
        await using var db = Fixture.NewDbContext();
        var methodologyId = await db.MethodologyVersions.Where(v => v.Status == MethodologyVersionStatus.Published).Select(v => v.MethodologyId).SingleAsync();
        var draftId = await Fixture.AsAsync<Guid, MethodologyAuthoring>(Editor, a => a.StartDraftAsync(methodologyId));
        var draft = (await Fixture.AsAsync<VersionView?, MethodologyAuthoring>(Editor, a => a.GetAsync(draftId)))!;
        var renamed = draft.Content with
        {
            ThreatTypes = [.. draft.Content.ThreatTypes.Select(t => t.Key == threatKey ? t with { Name = new LocalizedText("Renamed threat", "Přejmenovaná hrozba") } : t)],
        };
        var saved = await Fixture.AsAsync<uint, MethodologyAuthoring>(Editor, a => a.SaveAsync(draftId, renamed, draft.Version));
        await Fixture.AsAsync<MethodologyAuthoring>(Editor, a => a.PublishAsync(draftId, "Renamed a threat.", saved));
    }

    /// <summary>A read of the document column of the methodology versions.</summary>
    private static bool LoadsVersionDocument(string sql) =>
        sql.Contains("\"MethodologyVersions\"", StringComparison.Ordinal) && sql.Contains(".\"Content\"", StringComparison.Ordinal);

    /// <summary>The text of every command EF Core executes in the flow that created the recorder, until disposed.</summary>
    private sealed class CommandRecorder : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private static readonly AsyncLocal<CommandRecorder?> Current = new();
        private readonly List<IDisposable> _subscriptions = [];
        private readonly List<string> _texts = [];

        public CommandRecorder()
        {
            Current.Value = this;
            _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));
        }

        public IReadOnlyList<string> Texts
        {
            get { lock (_texts) return [.. _texts]; }
        }

        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name == DbLoggerCategory.Name)
                lock (_subscriptions) _subscriptions.Add(listener.Subscribe(this, name => name == RelationalEventId.CommandExecuting.Name));
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (Current.Value == this && value.Value is CommandEventData data)
                lock (_texts) _texts.Add(data.Command.CommandText);
        }

        public void OnCompleted() { }

        public void OnError(Exception error) { }

        public void Dispose()
        {
            Current.Value = null;
            lock (_subscriptions)
                foreach (var subscription in _subscriptions) subscription.Dispose();
        }
    }
}
