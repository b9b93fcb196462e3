namespace MedQA.Questions.Search;

/// <summary>A piece of plain text with the ranges that matched the search; no markup in either.</summary>
public sealed record Snippet(string Text, IReadOnlyList<TextRange> Highlights)
{
    /// <summary>Reads a snippet whose matches the engine wrapped in <paramref name="open"/> and <paramref name="close"/>.</summary>
    public static Snippet FromMarked(string marked, char open, char close)
    {
        var text = new System.Text.StringBuilder(marked.Length);
        var highlights = new List<TextRange>();
        var start = -1;
        foreach (var c in marked)
        {
            if (c == open)
            {
                start = text.Length;
            }
            else if (c == close && start >= 0)
            {
                highlights.Add(new TextRange(start, text.Length - start));
                start = -1;
            }
            else
            {
                text.Append(c);
            }
        }
        return new Snippet(text.ToString(), highlights);
    }
}

/// <summary>A range of a text, in UTF-16 code units.</summary>
public sealed record TextRange(int Start, int Length);
