using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;

namespace TokenAdmin.Tests.Support;

/// <summary>
/// Reads a .psd1 (PowerShell data file) the way Import-PowerShellDataFile would, for the subset
/// manifests use: @{ } hashtables, @( ) arrays, '…' and "…" strings, numbers, $true/$false/$null,
/// comments. Hashtables become case-insensitive dictionaries, arrays lists.
/// </summary>
internal sealed class PowerShellDataFile
{
    private readonly string _text;
    private int _position;

    private PowerShellDataFile(string text) => _text = text;

    public static Dictionary<string, object?> Read(string path) => Parse(File.ReadAllText(path));

    public static Dictionary<string, object?> Parse(string text) =>
        new PowerShellDataFile(text).ParseDocument() as Dictionary<string, object?>
            ?? throw new FormatException("a data file holds one hashtable");

    private object? ParseDocument()
    {
        var value = ParseValue();
        SkipTrivia(newlines: true);
        if (_position != _text.Length)
        {
            throw Error("unexpected text after the top-level hashtable");
        }

        return value;
    }

    private object? ParseValue()
    {
        SkipTrivia(newlines: true);
        if (Accept("@{"))
        {
            return ParseHashtable();
        }

        if (Accept("@("))
        {
            return ParseArray();
        }

        var c = Peek();
        if (c is '\'' or '"')
        {
            return ParseString();
        }

        if (c == '$')
        {
            var word = ReadWord();
            return word.ToLowerInvariant() switch
            {
                "$true" => true,
                "$false" => false,
                "$null" => null,
                _ => throw Error($"variable {word} is not allowed in a data file"),
            };
        }

        var bare = ReadWord();
        return long.TryParse(bare, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw Error($"unexpected '{bare}'");
    }

    private Dictionary<string, object?> ParseHashtable()
    {
        var table = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        while (true)
        {
            SkipTrivia(newlines: true);
            if (Accept("}"))
            {
                return table;
            }

            var key = Peek() is '\'' or '"' ? ParseString() : ReadWord();
            SkipTrivia(newlines: false);
            Expect("=");
            table[key] = ParseValue();
            SkipTrivia(newlines: false);
            Accept(";");
        }
    }

    private List<object?> ParseArray()
    {
        var items = new List<object?>();
        while (true)
        {
            SkipTrivia(newlines: true);
            if (Accept(")"))
            {
                return items;
            }

            items.Add(ParseValue());
            SkipTrivia(newlines: false);
            Accept(",");
        }
    }

    private string ParseString()
    {
        var quote = _text[_position++];
        var value = new StringBuilder();
        while (_position < _text.Length)
        {
            var c = _text[_position++];
            if (c == quote)
            {
                if (Peek() == quote)
                {
                    value.Append(quote); // '' inside '…'
                    _position++;
                    continue;
                }

                return value.ToString();
            }

            if (quote == '"' && (c == '$' || c == '`'))
            {
                throw Error("expandable strings are not allowed in a data file");
            }

            value.Append(c);
        }

        throw Error("unterminated string");
    }

    private string ReadWord()
    {
        var start = _position;
        while (_position < _text.Length && (char.IsLetterOrDigit(_text[_position]) || _text[_position] is '_' or '$' or '.' or '-'))
        {
            _position++;
        }

        return _position > start ? _text[start.._position] : throw Error("expected a name or value");
    }

    private void SkipTrivia(bool newlines)
    {
        while (_position < _text.Length)
        {
            if (_text[_position] == '#')
            {
                while (_position < _text.Length && _text[_position] != '\n')
                {
                    _position++;
                }
            }
            else if (string.CompareOrdinal(_text, _position, "<#", 0, 2) == 0)
            {
                var end = _text.IndexOf("#>", _position, StringComparison.Ordinal);
                _position = end < 0 ? throw Error("unterminated block comment") : end + 2;
            }
            else if (_text[_position] is ' ' or '\t' or '\r' || (newlines && _text[_position] == '\n'))
            {
                _position++;
            }
            else
            {
                return;
            }
        }
    }

    private char Peek() => _position < _text.Length ? _text[_position] : '\0';

    private bool Accept(string token)
    {
        if (string.CompareOrdinal(_text, _position, token, 0, token.Length) != 0)
        {
            return false;
        }

        _position += token.Length;
        return true;
    }

    private void Expect(string token)
    {
        if (!Accept(token))
        {
            throw Error($"expected '{token}'");
        }
    }

    private FormatException Error(string problem) =>
        new($"psd1 line {_text[.._position].Split('\n').Length}: {problem}");
}
