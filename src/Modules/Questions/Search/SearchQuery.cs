using System.Text;

namespace MedQA.Questions.Search;

/// <summary>
/// User search text reduced to terms: "quoted phrases", words, and word* prefixes. Operators, brackets and any
/// other punctuation are dropped, so the engine never sees syntax the user did not mean.
/// </summary>
public sealed class SearchQuery
{
    private SearchQuery(IReadOnlyList<SearchTerm> terms) => Terms = terms;

    public IReadOnlyList<SearchTerm> Terms { get; }

    public bool IsEmpty => Terms.Count == 0;

    public static SearchQuery Parse(string text)
    {
        var terms = new List<SearchTerm>();
        var parts = text.Split('"');
        for (var i = 0; i < parts.Length; i++)
        {
            var words = Words(parts[i]);
            if (i % 2 == 1 && i < parts.Length - 1) // between two quotes: a phrase
            {
                if (words.Count > 0)
                {
                    terms.Add(new SearchTerm(words.Select(w => w.Word).ToList(), Prefix: false));
                }
                continue;
            }
            terms.AddRange(words.Select(w => new SearchTerm([w.Word], w.Prefix)));
        }
        return new SearchQuery(terms.Take(32).ToList());
    }

    private static List<(string Word, bool Prefix)> Words(string text)
    {
        var words = new List<(string, bool)>();
        var word = new StringBuilder();
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : ' ';
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
                continue;
            }
            if (word.Length > 0)
            {
                words.Add((word.ToString(), c == '*'));
                word.Clear();
            }
        }
        return words;
    }
}

/// <summary>A word, a word prefix, or a phrase of words.</summary>
public sealed record SearchTerm(IReadOnlyList<string> Words, bool Prefix);
