namespace MedQA.Questions.Search;

/// <summary>
/// How long a search's ranking is kept, how many hits all kept rankings may hold together, and how many of a query's
/// best hits are kept (pages past them are ranked by the database, as without the cache: a query that matches most
/// of the catalogue then costs what it costs without the cache, not a ranking of every page read into memory).
/// </summary>
public sealed record SearchCacheSettings(TimeSpan Lifetime, long MaxHits, int Depth = SearchCacheSettings.DefaultDepth)
{
    /// <summary>100 pages of 10.</summary>
    public const int DefaultDepth = 1_000;

    public bool Enabled => Lifetime > TimeSpan.Zero && MaxHits > 0;
}
