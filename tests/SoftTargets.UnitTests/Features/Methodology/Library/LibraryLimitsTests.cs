using System.Text;
using SoftTargets.Core.Features.Methodology;
using SoftTargets.Core.Features.Methodology.Library;

namespace SoftTargets.UnitTests.Features.Methodology.Library;

/// <summary>Hostile files are refused from the parser's events, by line, before anything is built from them.</summary>
public sealed class LibraryLimitsTests
{
    private static LibraryError Refused(string text)
    {
        var (file, errors) = LibraryFormat.Read(text);
        Assert.Null(file);
        return Assert.Single(errors);
    }

    [Fact]
    public void A_recursive_alias_is_refused_at_its_anchor()
    {
        var error = Refused("methodology: test\ntitle: { en: x, cs: x }\nloop: &a [*a, *a]\n");

        Assert.Equal(3, error.Line);
        Assert.Contains("Anchors (&name) are not allowed", error.Message.En);
        Assert.Contains("Kotvy", error.Message.Cs);
    }

    [Fact]
    public void An_alias_without_an_anchor_in_view_is_refused_by_line()
    {
        var error = Refused("methodology: test\nroles:\n  - *elsewhere\n");

        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void A_billion_laughs_file_is_refused_before_it_grows()
    {
        var text = new StringBuilder("methodology: test\nlol0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var i = 1; i < 10; i++) text.Append($"lol{i}: &l{i} [{string.Join(", ", Enumerable.Repeat($"*l{i - 1}", 10))}]\n");

        var error = Refused(text.ToString());

        Assert.Equal(2, error.Line);
        Assert.Contains("Anchors", error.Message.En);
    }

    [Fact]
    public void Nesting_a_hundred_thousand_levels_deep_in_yaml_is_refused_at_the_line_it_gets_too_deep()
    {
        var text = "methodology: test\ntitle: { en: x, cs: x }\nroles: " + new string('[', 100_000) + new string(']', 100_000) + "\n";

        var error = Refused(text);

        Assert.Equal(3, error.Line);
        Assert.Contains($"more than {LibraryLimits.MaxDepth} levels", error.Message.En);
        Assert.Contains($"{LibraryLimits.MaxDepth} úrovní", error.Message.Cs);
    }

    [Fact]
    public void Nesting_a_hundred_thousand_levels_deep_in_json_is_refused_too()
    {
        var text = "{\n\"methodology\": \"test\",\n\"roles\":\n" + string.Concat(Enumerable.Repeat("{\"a\":", 100_000)) + "1" + new string('}', 100_001);

        var error = Refused(text);

        Assert.Equal(4, error.Line);
        Assert.Contains("levels deep", error.Message.En);
    }

    [Fact]
    public void Nesting_just_within_the_limit_is_not_refused_for_its_depth()
    {
        var text = "methodology: test\nroles: " + new string('[', LibraryLimits.MaxDepth - 1) + new string(']', LibraryLimits.MaxDepth - 1) + "\n";

        var (_, errors) = LibraryFormat.Read(text);

        Assert.DoesNotContain(errors, e => e.Message.En.Contains("levels deep", StringComparison.Ordinal));
    }

    [Fact]
    public void A_file_over_the_size_limit_is_refused_without_being_parsed()
    {
        var text = "methodology: test\nnote: \"" + new string('x', LibraryLimits.MaxBytes) + "\"\n";

        var error = Refused(text);

        Assert.Equal(1, error.Line);
        Assert.Contains("larger than 5 MB", error.Message.En);
        Assert.Contains("větší než 5 MB", error.Message.Cs);
    }

    [Fact]
    public void Too_many_values_are_refused_by_line()
    {
        var text = "methodology: test\nroles:\n  [" + string.Join(",", Enumerable.Repeat("0", LibraryLimits.MaxNodes)) + "]\n";

        var error = Refused(text);

        Assert.Equal(3, error.Line);
        Assert.Contains("more than 500,000 values", error.Message.En);
    }

    [Fact]
    public void An_overlong_value_is_refused_by_line()
    {
        var text = "methodology: test\ntitle:\n  en: " + new string('x', LibraryLimits.MaxScalarLength + 1) + "\n";

        var error = Refused(text);

        Assert.Equal(3, error.Line);
        Assert.Contains("longer than 100,000 characters", error.Message.En);
    }

    [Fact]
    public async Task Reading_a_stream_stops_after_the_size_limit()
    {
        await using var endless = new RepeatingStream((byte)'x', LibraryLimits.MaxBytes * 4L);

        var text = await LibraryLimits.ReadTextAsync(endless);

        Assert.Null(text);
        Assert.True(endless.Position <= LibraryLimits.MaxBytes + 81_920, $"read {endless.Position} bytes");
    }

    [Fact]
    public async Task Reading_a_stream_within_the_limit_gives_its_text()
    {
        await using var stream = new MemoryStream(Encoding.UTF8.GetBytes("\uFEFFmethodology: test\n"));

        Assert.Equal("methodology: test\n", await LibraryLimits.ReadTextAsync(stream));
    }

    [Fact]
    public void The_seeded_library_keeps_to_every_limit()
    {
        var file = MethodologyLibrary.ReadSeed();

        Assert.Equal(80, file.Measures.Count);
    }

    /// <summary>A long stream of one byte, generated as it is read.</summary>
    private sealed class RepeatingStream(byte value, long length) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get; set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - Position);
            buffer.AsSpan(offset, n).Fill(value);
            Position += n;
            return n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
