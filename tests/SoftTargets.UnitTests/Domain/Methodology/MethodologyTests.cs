using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Methodology;
using MethodologyAggregate = SoftTargets.Core.Domain.Methodology.Methodology;

namespace SoftTargets.UnitTests.Domain.Methodology;

public class MethodologyTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 30, 0, TimeSpan.Zero);

    private static MethodologyAggregate NewMethodology() => new("MSC", new LocalizedText("Soft targets", "Měkké cíle"));

    [Fact]
    public void The_first_draft_is_version_one_of_this_methodology()
    {
        var methodology = NewMethodology();

        var draft = methodology.StartDraft(MethodologyDocument.Empty);

        Assert.Equal(1, draft.Number);
        Assert.Equal(methodology.Id, draft.MethodologyId);
        Assert.Equal(MethodologyVersionStatus.Draft, draft.Status);
        Assert.Same(draft, Assert.Single(methodology.Versions));
    }

    [Fact]
    public void Drafts_started_after_publishing_are_numbered_one_two_three()
    {
        var methodology = NewMethodology();
        var numbers = new List<int>();

        for (var i = 0; i < 3; i++)
        {
            var draft = methodology.StartDraft(MethodologyDocument.Empty);
            numbers.Add(draft.Number);
            draft.Publish($"Change {i}", "editor-1", Now.AddDays(i));
        }

        Assert.Equal(new[] { 1, 2, 3 }, numbers);
        Assert.Equal(new[] { 1, 2, 3 }, methodology.Versions.Select(v => v.Number));
    }

    [Fact]
    public void Numbering_continues_after_a_retired_version()
    {
        var methodology = NewMethodology();
        var first = methodology.StartDraft(MethodologyDocument.Empty);
        first.Publish("First", "editor-1", Now);
        first.Retire();

        var second = methodology.StartDraft(MethodologyDocument.Empty);

        Assert.Equal(2, second.Number);
    }

    [Fact]
    public void A_second_draft_is_refused_while_one_exists()
    {
        var methodology = NewMethodology();
        methodology.StartDraft(MethodologyDocument.Empty);

        var ex = Assert.Throws<DomainException>(() => methodology.StartDraft(MethodologyDocument.Empty));

        Assert.Equal("DraftExists", ex.Code);
        Assert.Single(methodology.Versions);
    }

    [Fact]
    public void A_new_draft_carries_the_given_content()
    {
        var methodology = NewMethodology();
        var content = MethodologyDocument.Empty with { Title = new LocalizedText("Copy", "Kopie") };

        var draft = methodology.StartDraft(content);

        Assert.Same(content, draft.Content);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void A_methodology_needs_a_code(string code)
    {
        var ex = Assert.Throws<ValidationFailedException>(() => new MethodologyAggregate(code, new LocalizedText("x", "x")));

        Assert.Contains(nameof(MethodologyAggregate.Code), ex.Errors.Keys);
    }
}
