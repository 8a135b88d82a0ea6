using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace TokenAdmin.Core.Wire;

/// <summary>
/// Reads <c>{"list":[item, ...]}</c> from a stream as it arrives: each item is parsed on its own and
/// handed on in batches (the items completed by each read), so the first objects reach the
/// pipeline while the rest is still on the wire and memory holds one buffer, not the body.
/// The property is matched in any case, like <see cref="TolerantJson.Property"/>; other root
/// properties are skipped.
/// </summary>
public static class JsonListStream
{
    private const int InitialBufferBytes = 64 * 1024;

    /// <summary>[assume] No single list item is larger than this; a larger one is a malformed body.</summary>
    public const int MaxItemBytes = 16 * 1024 * 1024;

    /// <exception cref="FormatException">Not the expected shape, an item <paramref name="convert"/> refuses, or more than <paramref name="maxItems"/> items.</exception>
    public static async Task ReadAsync<T>(Stream body, string listProperty, Func<JsonElement, T> convert,
        Func<IReadOnlyList<T>, CancellationToken, ValueTask> onItems, long maxItems, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(InitialBufferBytes);
        var parser = new Parser(listProperty, maxItems);
        var state = new JsonReaderState();
        var filled = 0;
        try
        {
            while (true)
            {
                if (filled == buffer.Length)
                {
                    if (buffer.Length >= MaxItemBytes)
                    {
                        throw new FormatException($"a list entry is larger than {MaxItemBytes / (1024 * 1024)} MiB");
                    }

                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, filled).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await body.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false);
                filled += read;
                var items = new List<T>();
                int consumed;
                try
                {
                    consumed = parser.Advance(buffer.AsSpan(0, filled), isFinalBlock: read == 0, ref state, convert, items);
                }
                catch (Exception ex) when (ex is FormatException or JsonException)
                {
                    // What came before the fault is passed on first. (Not a filter on the count: a filter runs
                    // before the parser's finally has converted the items it had seen.)
                    if (items.Count > 0)
                    {
                        await onItems(items, cancellationToken).ConfigureAwait(false);
                    }

                    throw;
                }

                buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
                filled -= consumed;
                if (items.Count > 0)
                {
                    await onItems(items, cancellationToken).ConfigureAwait(false);
                }

                if (parser.Done)
                {
                    return; // whatever follows the closing brace is not read
                }

                if (read == 0)
                {
                    throw new FormatException("the body ended before the list did");
                }
            }
        }
        catch (JsonException ex)
        {
            throw new FormatException($"not JSON ({ex.Message.Split('.')[0]})", ex);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Where the reader is in the document; advanced one complete unit at a time.</summary>
    private sealed class Parser(string listProperty, long maxItems)
    {
        private enum Phase { Start, Root, List, Done }

        private Phase _phase;
        private bool _listSeen;
        private long _count;
        private long _batchStart; // within the current data: the first complete item's start, or -1
        private long _batchEnd;

        public bool Done => _phase == Phase.Done;

        /// <summary>Consumes every complete unit in <paramref name="data"/>; returns the bytes consumed (the rest waits for more data).</summary>
        public int Advance<T>(ReadOnlySpan<byte> data, bool isFinalBlock, ref JsonReaderState state, Func<JsonElement, T> convert, List<T> items)
        {
            _batchStart = -1;
            var reader = new Utf8JsonReader(data, isFinalBlock, state);
            try
            {
                while (_phase != Phase.Done)
                {
                    var checkpoint = reader; // a struct copy: where to resume when a unit is incomplete
                    if (!TryUnit(ref reader))
                    {
                        reader = checkpoint;
                        break;
                    }
                }
            }
            finally
            {
                // The complete items seen are parsed as one array, not one document each: a fraction of the cost.
                if (_batchStart >= 0)
                {
                    Convert(data[(int)_batchStart..(int)_batchEnd], convert, items);
                }
            }

            state = reader.CurrentState;
            return (int)reader.BytesConsumed;
        }

        /// <summary>"item,item,...": parsed as [item,item,...].</summary>
        private static void Convert<T>(ReadOnlySpan<byte> run, Func<JsonElement, T> convert, List<T> items)
        {
            var array = ArrayPool<byte>.Shared.Rent(run.Length + 2);
            try
            {
                array[0] = (byte)'[';
                run.CopyTo(array.AsSpan(1));
                array[run.Length + 1] = (byte)']';
                using var document = JsonDocument.Parse(array.AsMemory(0, run.Length + 2));
                foreach (var item in document.RootElement.EnumerateArray())
                {
                    items.Add(convert(item));
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(array);
            }
        }

        private bool TryUnit(ref Utf8JsonReader reader)
        {
            if (!reader.Read())
            {
                return false;
            }

            switch (_phase)
            {
                case Phase.Start:
                    if (reader.TokenType != JsonTokenType.StartObject)
                    {
                        throw Shape();
                    }

                    _phase = Phase.Root;
                    return true;

                case Phase.Root when reader.TokenType == JsonTokenType.EndObject:
                    _phase = _listSeen ? Phase.Done : throw Shape();
                    return true;

                case Phase.Root:
                    var isList = !_listSeen && (reader.ValueTextEquals(listProperty) || NameEqualsIgnoringCase(ref reader));
                    if (!reader.Read())
                    {
                        return false;
                    }

                    if (!isList)
                    {
                        return reader.TrySkip(); // another property (or a second list): skipped whole
                    }

                    if (reader.TokenType != JsonTokenType.StartArray)
                    {
                        throw Shape();
                    }

                    _listSeen = true;
                    _phase = Phase.List;
                    return true;

                case Phase.List when reader.TokenType == JsonTokenType.EndArray:
                    _phase = Phase.Root;
                    return true;

                default:
                    var start = reader.TokenStartIndex;
                    if (!reader.TrySkip())
                    {
                        return false; // the item is not complete yet
                    }

                    if (++_count > maxItems)
                    {
                        throw new FormatException($"the list has more than {maxItems:N0} entries, the most TokenAdmin reads");
                    }

                    if (_batchStart < 0)
                    {
                        _batchStart = start;
                    }

                    _batchEnd = reader.BytesConsumed;
                    return true;
            }
        }

        private bool NameEqualsIgnoringCase(ref Utf8JsonReader reader) =>
            string.Equals(reader.GetString(), listProperty, StringComparison.OrdinalIgnoreCase);

        private FormatException Shape() => new($"expected {{\"{listProperty}\":[...]}}");
    }
}
