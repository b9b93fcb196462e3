namespace MedQA.Plugins;

/// <summary>One-sentence summaries built from item titles.</summary>
public static class SectionSummary
{
    /// <summary>
    /// "Common causes: nerve irritation or damage, stress and fatigue, and medications or substances." Titles are
    /// lower-cased (words in capitals, such as MS, are kept), joined with commas and a final "and"; an "and" inside
    /// the last title becomes "or", so the sentence has one "and" where it joins the list.
    /// </summary>
    /// <param name="prefix">The opening words, before the colon.</param>
    /// <param name="titles">The item titles, in order.</param>
    public static string FromTitles(string prefix, IEnumerable<string> titles)
    {
        var parts = titles.Select(Lower).Where(t => t.Length > 0).ToList();
        if (parts.Count == 0)
        {
            return $"{prefix}.";
        }
        if (parts.Count > 1)
        {
            parts[^1] = parts[^1].Replace(" and ", " or ", StringComparison.Ordinal);
        }
        var list = parts.Count switch
        {
            1 => parts[0],
            2 => $"{parts[0]} and {parts[1]}",
            _ => $"{string.Join(", ", parts[..^1])}, and {parts[^1]}",
        };
        return $"{prefix}: {list}.";
    }

    private static string Lower(string title) => string.Join(' ', title.Trim().TrimEnd('.')
        .Split(' ', StringSplitOptions.RemoveEmptyEntries)
        .Select(word => word.Length > 1 && word.All(c => !char.IsLetter(c) || char.IsUpper(c)) ? word : word.ToLowerInvariant()));
}
