using System.Text;

namespace MedQA.Questions.Search;

/// <summary>
/// User search text reduced to terms: "quoted phrases", words, and word* prefixes. Operators, brackets and any
/// other punctuation are dropped, so the engine never sees syntax the user did not mean.
/// </summary>
public sealed class SearchQuery
{
    private SearchQuery(IReadOnlyList<SearchTerm> terms, bool anyTerm = false)
    {
        Terms = terms;
        AnyTerm = anyTerm;
    }

    public IReadOnlyList<SearchTerm> Terms { get; }

    /// <summary>True when one matching term is enough (similar questions); false when every term must match.</summary>
    public bool AnyTerm { get; }

    /// <summary>A query any of whose words may match, for finding similar text.</summary>
    public static SearchQuery AnyOf(IEnumerable<string> text) =>
        new(text.SelectMany(t => Words(t)).Select(w => w.Word).Where(w => w.Length > 2 && !StopWords.Contains(w))
            .Distinct().Take(16).Select(w => new SearchTerm([w], Prefix: false)).ToList(), anyTerm: true);

    private static readonly HashSet<string> StopWords =
    [
        "the", "and", "for", "with", "what", "when", "from", "that", "this", "after", "about", "your", "you", "are", "can",
        "how", "why", "its", "his", "her", "our", "has", "have", "had", "was", "were", "not", "but", "all", "any", "one",
        "case", "causes", "cause", "treatment", "treatments", "options", "understanding", "insights", "concerns", "what",
    ];

    public bool IsEmpty => Terms.Count == 0;

    /// <summary>
    /// The query in one canonical string (<c>all:knee|pain*</c>): two texts that parse to the same terms have the same
    /// key. Words hold letters and digits only, so the separators cannot be confused with them.
    /// </summary>
    public string Key => (AnyTerm ? "any:" : "all:") + string.Join('|', Terms.Select(t => string.Join(' ', t.Words) + (t.Prefix ? "*" : "")));

    /// <summary>The most terms a query keeps (words, prefixes, phrases); later ones are dropped.</summary>
    public const int MaxTerms = 12;

    /// <summary>The most prefix terms a query keeps; later <c>word*</c> are whole words.</summary>
    public const int MaxPrefixes = 3;

    /// <summary>The shortest prefix: <c>b*</c> expands to every indexed word starting with b, thousands of them.</summary>
    public const int MinPrefixLength = 3;

    /// <summary>
    /// The terms of a user's text, bounded so no text costs more than a few index look-ups: at most
    /// <see cref="MaxTerms"/> terms and <see cref="MaxPrefixes"/> prefixes, each at least
    /// <see cref="MinPrefixLength"/> characters (a shorter or later <c>word*</c> is searched as a whole word).
    /// </summary>
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
        var prefixes = 0;
        return new SearchQuery(terms.Take(MaxTerms)
            .Select(t => t.Prefix && (t.Words[0].Length < MinPrefixLength || ++prefixes > MaxPrefixes) ? t with { Prefix = false } : t)
            .ToList());
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
