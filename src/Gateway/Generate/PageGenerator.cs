using MedQA.Gateway.Import;
using MedQA.Questions;

namespace MedQA.Gateway.Generate;

/// <summary>
/// Synthetic question pages for a catalogue of any size, the same for the same seed: 24 specialties with 40
/// doctors each, 1-3 replies, an article with causes and treatment sections on four pages in five, similar
/// teasers linking to other generated pages, and FAQ topics.
/// </summary>
public static class PageGenerator
{
    private const int DoctorsPerSpecialty = 40;

    public static IEnumerable<ParsedPage> Generate(int count, int seed)
    {
        var combinations = Vocabulary.Symptoms.Length * Vocabulary.Contexts.Length;
        for (var i = 0; i < count; i++)
        {
            var random = new Random(HashCode.Combine(seed, i));
            yield return Page(i, count, combinations, seed, random);
        }
    }

    private static ParsedPage Page(int i, int count, int combinations, int seed, Random random)
    {
        var specialty = Vocabulary.Specialties[i % Vocabulary.Specialties.Length];
        var title = Title(i, combinations);
        var symptom = Vocabulary.Symptoms[i % Vocabulary.Symptoms.Length];
        var askedOn = new DateOnly(2010, 1, 1).AddDays(random.Next(15 * 365));
        var replies = Enumerable.Range(0, random.Next(1, 4))
            .Select(r => r == 0 ? specialty : Pick(Vocabulary.Specialties, random)).ToList()
            .Select(replySpecialty => new ParsedReply(
                Doctor(replySpecialty, random), replySpecialty, // a doctor keeps one specialty
                $"Thank you for your question. {Capitalize(symptom)} {Pick(Vocabulary.Contexts, random)} is often benign, " +
                $"but it can point to {Pick(Vocabulary.Causes, random).ToLowerInvariant()}.\nPlease visit a {specialty.ToLowerInvariant()} clinic if it persists.",
                askedOn.AddDays(random.Next(0, 5)))).ToList();
        return new ParsedPage(
            Headline(i, combinations),
            specialty,
            title,
            $"Hello doctor, I have had {symptom} {Pick(Vocabulary.Contexts, random)}.\nIt started about {random.Next(1, 12)} weeks ago.\nWhat could it be, and what should I do?",
            Asker(random),
            askedOn,
            replies,
            random.Next(5) == 0 ? null : Article(symptom, random),
            Enumerable.Range(0, random.Next(0, 5)).Select(_ => Teaser((i + random.Next(1, count + 1)) % Math.Max(count, 1), combinations, random)).ToList(),
            Enumerable.Range(0, random.Next(2, 9)).Select(_ => new ParsedFaq(Capitalize(Pick(Vocabulary.Symptoms, random)), specialty)).Distinct().ToList());
    }

    private static string Title(int i, int combinations)
    {
        var symptom = Vocabulary.Symptoms[i % Vocabulary.Symptoms.Length];
        var context = Vocabulary.Contexts[i / Vocabulary.Symptoms.Length % Vocabulary.Contexts.Length];
        var round = i / combinations;
        return $"{Capitalize(symptom)} {context}" + (round > 0 ? $", case {round + 1}" : "");
    }

    private static string Headline(int i, int combinations) => $"{Title(i, combinations)}: Causes and What to Do";

    private static ParsedArticle Article(string symptom, Random random)
    {
        var causes = Items(Vocabulary.Causes, $"can bring on {symptom}", random);
        var treatments = Items(Vocabulary.Treatments, $"often eases {symptom}", random);
        return new ParsedArticle(
            $"{Capitalize(symptom)} is common and usually harmless, but knowing its causes helps decide when to see a doctor.",
            [
                new ParsedSection($"Causes of {Capitalize(symptom)}", Body(causes), causes),
                new ParsedSection("Treatment Options", Body(treatments), treatments),
            ],
            random.Next(3) == 0 ? null : $"Most cases of {symptom} improve with simple measures; see a doctor if it persists or worsens.");
    }

    private static List<ParsedItem> Items(string[] pool, string text, Random random) =>
        pool.OrderBy(_ => random.Next()).Take(random.Next(3, 7))
            .Select((title, n) => new ParsedItem(n + 1, title, $"{title} {text}; a doctor can tell whether it applies to you.")).ToList();

    private static string Body(List<ParsedItem> items) => string.Join("\n\n", items.Select(i => $"{i.Number}. {i.Title}: {i.Text}"));

    private static ParsedTeaser Teaser(int target, int combinations, Random random)
    {
        var specialty = Vocabulary.Specialties[target % Vocabulary.Specialties.Length];
        var headline = Headline(target, combinations);
        return new ParsedTeaser(headline, "Hello doctor, I have a question about this...", Doctor(specialty, random), specialty,
            "Thank you for your question. This is often benign, but...", headline);
    }

    private static string Doctor(string specialty, Random random)
    {
        var n = Array.IndexOf(Vocabulary.Specialties, specialty) * DoctorsPerSpecialty + random.Next(DoctorsPerSpecialty);
        // Distinct for every n below surnames x syllables x syllables (17,280), so no two doctors share a name.
        var (surnames, syllables) = (Vocabulary.Surnames.Length, Vocabulary.Syllables.Length);
        return $"{Vocabulary.Surnames[n % surnames]} {Capitalize(Vocabulary.Syllables[n / surnames % syllables])}" +
            $"{Vocabulary.Syllables[n / (surnames * syllables) % syllables]}";
    }

    private static ParsedAsker Asker(Random random)
    {
        var decade = 10 * random.Next(1, 8);
        return new ParsedAsker(Alias(random), (Gender)random.Next(0, 3), decade, decade + 9);
    }

    private static string Alias(Random random) => random.Next(10) == 0
        ? "Anonymous"
        : $"{Capitalize(Pick(Vocabulary.Syllables, random))}{Pick(Vocabulary.Syllables, random)}{random.Next(100)}";

    private static string Pick(string[] words, Random random) => words[random.Next(words.Length)];

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
