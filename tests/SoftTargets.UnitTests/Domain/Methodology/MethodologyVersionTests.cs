using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Methodology;
using MethodologyAggregate = SoftTargets.Core.Domain.Methodology.Methodology;

namespace SoftTargets.UnitTests.Domain.Methodology;

public class MethodologyVersionTests
{
    private static readonly DateTimeOffset PublishedAt = new(2026, 3, 1, 9, 30, 0, TimeSpan.Zero);

    private static MethodologyDocument Titled(string title) =>
        MethodologyDocument.Empty with { Title = new LocalizedText(title, title + " (cs)") };

    private static MethodologyVersion NewDraft() =>
        new MethodologyAggregate("MSC", new LocalizedText("Soft targets", "Měkké cíle")).StartDraft(Titled("First"));

    private static MethodologyVersion NewPublished()
    {
        var version = NewDraft();
        version.Publish("Initial version", "editor-1", PublishedAt);
        return version;
    }

    [Fact]
    public void A_new_draft_has_draft_status_and_is_unpublished()
    {
        var draft = NewDraft();

        Assert.Equal(MethodologyVersionStatus.Draft, draft.Status);
        Assert.Null(draft.PublishedAt);
        Assert.Null(draft.PublishedBy);
        Assert.Equal("First", draft.Content.Title.En);
    }

    [Fact]
    public void A_drafts_content_can_be_replaced()
    {
        var draft = NewDraft();
        var replacement = Titled("Second");

        draft.ReplaceContent(replacement);

        Assert.Same(replacement, draft.Content);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Publishing_without_a_change_note_fails_validation_and_leaves_the_draft(string note)
    {
        var draft = NewDraft();

        var ex = Assert.Throws<ValidationFailedException>(() => draft.Publish(note, "editor-1", PublishedAt));

        Assert.Contains(nameof(MethodologyVersion.ChangeNote), ex.Errors.Keys);
        Assert.Equal(MethodologyVersionStatus.Draft, draft.Status);
        Assert.Null(draft.PublishedAt);
    }

    [Fact]
    public void Publishing_sets_status_time_author_and_trimmed_change_note()
    {
        var draft = NewDraft();

        draft.Publish("  Added lockdown measures  ", "editor-1", PublishedAt);

        Assert.Equal(MethodologyVersionStatus.Published, draft.Status);
        Assert.Equal(PublishedAt, draft.PublishedAt);
        Assert.Equal("editor-1", draft.PublishedBy);
        Assert.Equal("Added lockdown measures", draft.ChangeNote);
    }

    [Fact]
    public void A_published_versions_content_cannot_be_replaced()
    {
        var published = NewPublished();
        var before = published.Content;

        var ex = Assert.Throws<DomainException>(() => published.ReplaceContent(Titled("Changed")));

        Assert.Equal("VersionFrozen", ex.Code);
        Assert.Same(before, published.Content);
    }

    [Fact]
    public void A_published_version_cannot_be_published_again()
    {
        var published = NewPublished();

        var ex = Assert.Throws<DomainException>(() => published.Publish("Again", "editor-2", PublishedAt.AddDays(1)));

        Assert.Equal("VersionFrozen", ex.Code);
        Assert.Equal("editor-1", published.PublishedBy);
        Assert.Equal(PublishedAt, published.PublishedAt);
        Assert.Equal("Initial version", published.ChangeNote);
    }

    [Fact]
    public void A_published_version_can_be_retired()
    {
        var published = NewPublished();

        published.Retire();

        Assert.Equal(MethodologyVersionStatus.Retired, published.Status);
    }

    [Fact]
    public void A_draft_cannot_be_retired()
    {
        var draft = NewDraft();

        var ex = Assert.Throws<DomainException>(draft.Retire);

        Assert.Equal("NotPublished", ex.Code);
        Assert.Equal(MethodologyVersionStatus.Draft, draft.Status);
    }

    [Fact]
    public void A_retired_version_cannot_be_retired_again_or_changed()
    {
        var retired = NewPublished();
        retired.Retire();

        Assert.Equal("NotPublished", Assert.Throws<DomainException>(retired.Retire).Code);
        Assert.Equal("VersionFrozen", Assert.Throws<DomainException>(() => retired.ReplaceContent(Titled("x"))).Code);
        Assert.Equal("VersionFrozen", Assert.Throws<DomainException>(() => retired.Publish("x", "editor-1", PublishedAt)).Code);
    }
}
