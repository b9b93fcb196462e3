using MedQA.Questions.Search;

namespace MedQA.Tests.Search;

/// <summary>
/// A search text costs a bounded number of index look-ups whatever it holds: short prefixes (<c>b*</c> expands to
/// every word starting with b) and prefixes past the third are searched as whole words, and terms past the twelfth
/// are dropped. "b* c* d* ... y*" ran 10 s of CPU before.
/// </summary>
public sealed class SearchQueryBoundsTests
{
    [Fact]
    public void One_and_two_letter_prefixes_are_whole_words()
    {
        var query = SearchQuery.Parse("b* co* twitch*");

        Assert.Equal([false, false, true], query.Terms.Select(t => t.Prefix));
    }

    [Fact]
    public void A_query_keeps_three_prefixes_and_twelve_terms()
    {
        var query = SearchQuery.Parse(string.Join(' ', Enumerable.Range(0, 24).Select(i => $"wor{(char)('a' + i)}*")));

        Assert.Equal(SearchQuery.MaxTerms, query.Terms.Count);
        Assert.Equal(SearchQuery.MaxPrefixes, query.Terms.Count(t => t.Prefix));
        Assert.True(query.Terms.Take(3).All(t => t.Prefix));
    }

    [Fact]
    public void Letters_from_b_to_y_as_prefixes_search_no_prefix()
    {
        var query = SearchQuery.Parse(string.Join(' ', Enumerable.Range('b', 24).Select(c => $"{(char)c}*")));

        Assert.DoesNotContain(query.Terms, t => t.Prefix);
    }
}
