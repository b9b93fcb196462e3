using MedQA.Questions.Search;

namespace MedQA.Gateway.Search;

public static class SearchRegistration
{
    public const string Section = "MedQA:Search";

    /// <summary>
    /// Keeps search rankings in memory (<see cref="CachedQuestionSearch"/>) around the provider's search, registered
    /// with the database: <c>MedQA:Search:RankingCacheSeconds</c> (30, the max-age of search answers; 0 turns it off),
    /// <c>MedQA:Search:RankingCacheHits</c> (how many hits all kept rankings may hold: 2,000,000, about 24 MB) and
    /// <c>MedQA:Search:RankingCacheDepth</c> (how many of a query's best hits are kept: 1,000).
    /// </summary>
    public static IServiceCollection AddSearchRankingCache(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var seconds = section.GetValue("RankingCacheSeconds", 30);
        var hits = section.GetValue("RankingCacheHits", 2_000_000L);
        var depth = section.GetValue("RankingCacheDepth", SearchCacheSettings.DefaultDepth);
        if (seconds < 0 || hits < 0 || depth < 1)
        {
            throw new InvalidOperationException($"{Section}:RankingCacheSeconds and {Section}:RankingCacheHits must be 0 (no cache) " +
                $"or more, {Section}:RankingCacheDepth 1 or more; they are {seconds}, {hits} and {depth}.");
        }
        services.AddSingleton(new SearchCacheSettings(TimeSpan.FromSeconds(seconds), hits, depth));
        return services.Decorate<IQuestionSearch, CachedQuestionSearch>();
    }
}
