using Microsoft.Data.Sqlite;

namespace MedQA.Tests.Import.RoundTrip;

/// <summary>
/// A catalogue read field by field with plain SQL over the SQLite file, sharing nothing with the importer or the
/// exporter: each question, by slug, as an ordered list of (field, value), plus the shared rows (specialties,
/// doctors, FAQ topics) as one more entry. Ids are left out; positions name the list items.
/// </summary>
public static class CatalogueRows
{
    public const string Shared = "(specialties, doctors and FAQ topics)";

    private static readonly (string Facet, string Sql)[] Facets =
    [
        ("", """
            SELECT q.Slug, NULL, q.Title, q.Headline, s.Name AS Specialty, q.Body, q.AskedOn, q.AskerAlias, q.AskerGender, q.AskerAgeMin, q.AskerAgeMax
            FROM Questions q JOIN Specialties s ON s.Id = q.SpecialtyId
            """),
        ("replies", """
            SELECT q.Slug, r.Position, d.Name AS Doctor, ds.Name AS DoctorSpecialty, r.Body, r.RepliedOn
            FROM Replies r JOIN Questions q ON q.Id = r.QuestionId JOIN Doctors d ON d.Id = r.DoctorId JOIN Specialties ds ON ds.Id = d.SpecialtyId
            """),
        ("article", "SELECT q.Slug, NULL, a.Intro, a.Conclusion FROM Articles a JOIN Questions q ON q.Id = a.QuestionId"),
        ("article.sections", """
            SELECT q.Slug, s.Position, s.Heading, s.Body FROM ArticleSections s JOIN Questions q ON q.Id = s.QuestionId
            """),
        ("similar", """
            SELECT q.Slug, t.Position, t.Headline, t.QuestionExcerpt, t.DoctorName, t.DoctorSpecialty, t.ReplyExcerpt, t.LinkHeadline
            FROM SimilarTeasers t JOIN Questions q ON q.Id = t.QuestionId
            """),
        ("relatedFaqs", """
            SELECT q.Slug, l.Position, f.Topic, s.Name AS Specialty
            FROM QuestionFaqs l JOIN Questions q ON q.Id = l.QuestionId JOIN Faqs f ON f.Id = l.FaqId JOIN Specialties s ON s.Id = f.SpecialtyId
            """),
        ("plugins", """
            SELECT q.Slug, p.Plugin || '/' || p.Key, p.Json
            FROM PluginRecords p JOIN Questions q ON q.Id = p.ContentId WHERE p.ContentType = 'Question'
            """),
        (Shared, "SELECT 'specialty', Name, Slug FROM Specialties"),
        (Shared, "SELECT 'doctor', d.Name || ' (' || s.Name || ')', 1 FROM Doctors d JOIN Specialties s ON s.Id = d.SpecialtyId"),
        (Shared, "SELECT 'faq', f.Topic || ' (' || s.Name || ')', 1 FROM Faqs f JOIN Specialties s ON s.Id = f.SpecialtyId"),
    ];

    /// <summary>Every page (and <see cref="Shared"/>) with its fields in a fixed order.</summary>
    public static async Task<SortedDictionary<string, List<(string Field, string? Value)>>> ReadAsync(string databaseFile)
    {
        var pages = new SortedDictionary<string, List<(string, string?)>>(StringComparer.Ordinal);
        await using var connection = new SqliteConnection($"Data Source={databaseFile};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        foreach (var (facet, sql) in Facets)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM ({sql}) ORDER BY 1, 2";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var page = facet == Shared ? Shared : reader.GetString(0);
                var item = facet == Shared ? $"{reader.GetString(0)}[{reader.GetValue(1)}]"
                    : reader.IsDBNull(1) ? facet : $"{facet}[{reader.GetValue(1)}]";
                if (!pages.TryGetValue(page, out var fields))
                {
                    pages[page] = fields = [];
                }
                for (var column = 2; column < reader.FieldCount; column++)
                {
                    var name = reader.GetName(column);
                    fields.Add((item.Length > 0 ? $"{item}.{name}" : name, reader.IsDBNull(column) ? null : Convert.ToString(reader.GetValue(column))));
                }
            }
        }
        return pages;
    }

    /// <summary>The first difference between two catalogues, naming the page and the field; null when they are equal.</summary>
    public static string? FirstDifference(
        SortedDictionary<string, List<(string Field, string? Value)>> expected, SortedDictionary<string, List<(string Field, string? Value)>> actual)
    {
        foreach (var page in expected.Keys.Union(actual.Keys).Order(StringComparer.Ordinal))
        {
            if (!expected.TryGetValue(page, out var want) || !actual.TryGetValue(page, out var got))
            {
                return $"page '{page}' is only in the {(expected.ContainsKey(page) ? "first" : "second")} catalogue";
            }
            for (var i = 0; i < Math.Max(want.Count, got.Count); i++)
            {
                var (a, b) = (i < want.Count ? want[i] : ("(none)", null), i < got.Count ? got[i] : ("(none)", null));
                if (a != b)
                {
                    return $"page '{page}', field {a.Field}: {Quote(a.Value)}, but after the round trip {b.Field}: {Quote(b.Value)}";
                }
            }
        }
        return null;
    }

    private static string Quote(string? value) => value is null ? "null" : $"'{(value.Length > 200 ? value[..200] + "..." : value)}'";
}
