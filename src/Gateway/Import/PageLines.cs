namespace MedQA.Gateway.Import;

/// <summary>A cursor over a page's lines; line numbers are 1-based, as in error messages.</summary>
internal sealed class PageLines(string text)
{
    private readonly string[] _lines = text.ReplaceLineEndings("\n").Split('\n');

    public int Index { get; set; }

    public bool AtEnd => Index >= _lines.Length;

    public int LineNumber => Math.Min(Index, _lines.Length - 1) + 1;

    public string Current => _lines[Index];

    public int Count => _lines.Length;

    public string this[int index] => _lines[index];

    /// <summary>Moves to the next non-blank line; false at the end of the page.</summary>
    public bool SkipBlank()
    {
        while (!AtEnd && string.IsNullOrWhiteSpace(_lines[Index]))
        {
            Index++;
        }
        return !AtEnd;
    }

    /// <summary>Takes lines until one matches <paramref name="stop"/> (not taken) or the page ends.</summary>
    public List<string> TakeUntil(Func<string, bool> stop)
    {
        var taken = new List<string>();
        while (!AtEnd && !stop(_lines[Index]))
        {
            taken.Add(_lines[Index++]);
        }
        return taken;
    }

    /// <summary>Joins lines, dropping blank lines at both ends and trailing spaces, keeping inner line breaks.</summary>
    public static string Join(IEnumerable<string> lines)
    {
        var trimmed = lines.Select(l => l.TrimEnd()).ToList();
        var start = trimmed.FindIndex(l => l.Length > 0);
        if (start < 0)
        {
            return "";
        }
        var end = trimmed.FindLastIndex(l => l.Length > 0);
        return string.Join('\n', trimmed.Skip(start).Take(end - start + 1));
    }
}
