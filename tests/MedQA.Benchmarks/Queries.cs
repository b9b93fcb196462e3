namespace MedQA.Benchmarks;

/// <summary>The GraphQL documents a frontend sends for each page the benchmark loads.</summary>
internal static class Queries
{
    public const string ListPage = """
        query ListPage($after: String) { questions(first: 20, after: $after) { edges { cursor node { slug title askedOn specialty { name } replies { repliedOn doctor { name specialty { name } } } } } pageInfo { hasNextPage endCursor } } }
        """;

    public const string QuestionPage = """
        query QuestionPage($slug: String!) { question(slug: $slug) { slug title headline body askedOn specialty { name } asker { alias gender ageRange { min max } } replies { body repliedOn doctor { name specialty { name } } } article { intro sections { heading body } conclusion } causes { heading summary items { title detail } } treatments { heading summary items { title detail } } similar { headline questionExcerpt doctorName doctorSpecialty replyExcerpt question { slug } } relatedFaqs { topic } } }
        """;

    public const string SearchPage = """
        query SearchPage($q: String!) { search(query: $q, first: 10) { totalCount edges { cursor node { score snippet { text highlights { start length } } question { slug title askedOn specialty { name } } } } pageInfo { hasNextPage endCursor } } }
        """;

    /// <summary>A POST body for a document and its variables.</summary>
    public static string Body(string query, object variables) => System.Text.Json.JsonSerializer.Serialize(new { query, variables });
}
