namespace MedQA.Questions.Search;

/// <summary>How long a search's ranking is kept, and how many hits all kept rankings may hold together.</summary>
public sealed record SearchCacheSettings(TimeSpan Lifetime, long MaxHits)
{
    public bool Enabled => Lifetime > TimeSpan.Zero && MaxHits > 0;
}
