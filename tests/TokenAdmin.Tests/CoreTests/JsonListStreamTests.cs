using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Pipelines;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using TokenAdmin.Core.Wire;
using Xunit;

namespace TokenAdmin.Tests.CoreTests;

/// <summary>The streamed reader of {"list":[...]}: the same items as a whole-document parse, however the bytes arrive.</summary>
public sealed class JsonListStreamTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(4096)]
    [InlineData(1 << 20)]
    public async Task Every_split_of_the_bytes_yields_the_items_of_a_whole_parse(int chunk)
    {
        var json = """{"before":{"x":[1,{"list":[9]}]},"list":[""" + string.Join(",", Enumerable.Range(0, 5000).Select(Item)) + """],"after":"list"}""";

        var items = await ReadAsync(new ChunkedStream(Encoding.UTF8.GetBytes(json), chunk));

        Assert.Equal(Enumerable.Range(0, 5000).Select(i => $"t{i}"), items);
    }

    [Fact]
    public async Task The_list_property_is_matched_in_any_case_and_only_the_first_is_read()
    {
        var items = await ReadAsync("""{"LIST":[{"token":"a"}],"list":[{"token":"b"}]}""");

        Assert.Equal(new[] { "a" }, items);
    }

    [Fact]
    public async Task Items_are_handed_on_while_the_body_is_still_arriving()
    {
        var pipe = new Pipe();
        var first = new TaskCompletionSource<IReadOnlyList<string>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var all = new List<string>();
        var reading = JsonListStream.ReadAsync(pipe.Reader.AsStream(), "list", e => e.GetProperty("token").GetString()!, (batch, _) =>
        {
            all.AddRange(batch);
            first.TrySetResult(batch.ToArray());
            return default;
        }, 100, CancellationToken.None);

        await pipe.Writer.WriteAsync(Encoding.UTF8.GetBytes("""{"list":[{"token":"a"},{"token":"b"},{"tok"""));

        Assert.Equal(new[] { "a", "b" }, await first.Task.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.False(reading.IsCompleted);
        await pipe.Writer.WriteAsync(Encoding.UTF8.GetBytes("""en":"c"}]}"""));
        await pipe.Writer.CompleteAsync();
        await reading.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(new[] { "a", "b", "c" }, all);
    }

    [Theory]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("<html>login</html>")]
    [InlineData("""{"items":[]}""")]
    [InlineData("""{"list":{}}""")]
    [InlineData("""{"list":[{"token":"a"}""")]
    [InlineData("""{"list":[{"token":"a"},]}""")]
    public async Task What_is_not_a_complete_list_is_a_FormatException(string json) =>
        await Assert.ThrowsAsync<FormatException>(() => ReadAsync(json));

    [Fact]
    public async Task Items_before_a_malformed_part_were_handed_on_before_the_failure()
    {
        var seen = new List<string>();

        await Assert.ThrowsAsync<FormatException>(() => ReadAsync("""{"list":[{"token":"a"},{"token":"b"},{"token":"c"] }""", seen));

        Assert.Equal(new[] { "a", "b" }, seen);
    }

    [Fact]
    public async Task More_items_than_the_bound_is_a_FormatException_that_names_it()
    {
        var json = """{"list":[""" + string.Join(",", Enumerable.Range(0, 11).Select(Item)) + "]}";

        var failure = await Assert.ThrowsAsync<FormatException>(() => ReadAsync(json, maxItems: 10));

        Assert.Contains("more than 10 entries", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_list_that_never_ends_is_bounded_by_the_item_count_not_by_memory()
    {
        var failure = await Assert.ThrowsAsync<FormatException>(() =>
            JsonListStream.ReadAsync(new EndlessListStream(), "list", e => e.GetProperty("token").GetString()!, (_, _) => default, 100_000, CancellationToken.None));

        Assert.Contains("more than 100,000 entries", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_converter_that_refuses_an_item_stops_the_read_with_its_message()
    {
        var failure = await Assert.ThrowsAsync<FormatException>(() => JsonListStream.ReadAsync<string>(
            new MemoryStream(Encoding.UTF8.GetBytes("""{"list":[1]}""")), "list", _ => throw new FormatException("an entry has no token"),
            (_, _) => default, 10, CancellationToken.None));

        Assert.Equal("an entry has no token", failure.Message);
    }

    private static string Item(int i) => $$$"""{"token":"t{{{i}}}","nested":{"list":[{"a":"{}[]\"x"}],"n":{{{i}}}.5e1}}""";

    private static Task<List<string>> ReadAsync(string json, List<string>? seen = null, long maxItems = 1_000_000) =>
        ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)), seen, maxItems);

    private static async Task<List<string>> ReadAsync(Stream body, List<string>? seen = null, long maxItems = 1_000_000)
    {
        var items = seen ?? new List<string>();
        await JsonListStream.ReadAsync(body, "list", e => e.GetProperty("token").GetString()!, (batch, _) =>
        {
            items.AddRange(batch);
            return default;
        }, maxItems, CancellationToken.None);
        return items;
    }

    /// <summary>Returns at most <c>chunk</c> bytes per read, as a slow network does.</summary>
    private sealed class ChunkedStream(byte[] data, int chunk) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunk));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, chunk)], cancellationToken);
    }

    /// <summary>{"list":[{"token":"x"},{"token":"x"},... without end.</summary>
    private sealed class EndlessListStream : Stream
    {
        private static readonly byte[] Head = Encoding.UTF8.GetBytes("""{"list":[""");
        private static readonly byte[] Entry = Encoding.UTF8.GetBytes("""{"token":"x"},""");
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            for (var i = 0; i < count; i++, _position++)
            {
                buffer[offset + i] = _position < Head.Length ? Head[_position] : Entry[(_position - Head.Length) % Entry.Length];
            }

            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
