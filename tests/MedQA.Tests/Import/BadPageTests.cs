using MedQA.Faqs;
using MedQA.Gateway.Import;
using MedQA.Kernel.Data;
using MedQA.Questions;
using MedQA.Replies;
using MedQA.Specialties;
using MedQA.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MedQA.Tests.Import;

/// <summary>Each way a page can be wrong is reported with the line at fault.</summary>
public sealed class BadPageTests
{
    [Theory]
    [InlineData("")]
    [InlineData("\n\n   \n")]
    public void An_empty_page_is_rejected(string text)
    {
        var error = Assert.Throws<PageFormatException>(() => PageParser.Parse(text));
        Assert.Equal(1, error.Line);
        Assert.Contains("empty", error.Problem);
    }

    [Fact]
    public void A_page_without_a_title_is_rejected_at_the_asker_line()
    {
        var text = "Knee pain - Orthopedics\n\nShare to:\n\nLee, 40~49 year old male. Ask Date: 2020/03/04\n";

        var error = Assert.Throws<PageFormatException>(() => PageParser.Parse(text));

        Assert.Equal(5, error.Line);
        Assert.Contains("no question title", error.Problem);
    }

    [Fact]
    public void A_title_longer_than_the_model_stores_is_rejected_on_its_line()
    {
        var title = new string('x', 10_000);

        var error = Assert.Throws<PageFormatException>(() => PageParser.Parse(Pages.Minimal(title: title).Replace($"{title}: What It Means", "Knee pain")));

        Assert.Equal(5, error.Line);
        Assert.Equal("the title is 10,000 characters long; at most 500 are stored", error.Problem);
    }

    [Fact]
    public void A_headline_longer_than_the_model_stores_is_rejected_on_its_line()
    {
        var error = Assert.Throws<PageFormatException>(() => PageParser.Parse(new string('h', 600) + " - Orthopedics\n" + Pages.Minimal().Split('\n', 2)[1]));

        Assert.Equal(1, error.Line);
        Assert.StartsWith("the headline is 600 characters long", error.Problem);
    }

    [Theory]
    [InlineData("alias", 10, "the asker alias is 201 characters long; at most 200 are stored")]
    [InlineData("doctor", 12, "the doctor's name is 201 characters long; at most 200 are stored")]
    [InlineData("specialty", 1, "the specialty is 201 characters long; at most 200 are stored")]
    [InlineData("topic", 20, "the FAQ topic is 301 characters long; at most 300 are stored")]
    [InlineData("faq specialty", 21, "the FAQ specialty is 201 characters long; at most 200 are stored")]
    [InlineData("teaser headline", 20, "the teaser headline is 501 characters long; at most 500 are stored")]
    [InlineData("teaser doctor", 21, "the doctor's name is 201 characters long; at most 200 are stored")]
    public void A_name_longer_than_the_model_stores_is_rejected_on_its_line(string field, int line, string problem)
    {
        string Long(string name, int length, string otherwise) => field == name ? new string('x', length) : otherwise;
        var page = Pages.Minimal(alias: Long("alias", 201, "Lee"), doctor: Long("doctor", 201, "Wang Wei"), specialty: Long("specialty", 201, "Orthopedics"))
            + (field.StartsWith("teaser", StringComparison.Ordinal)
                ? $"\n\nSimilar Q&A\n\n{Long("teaser headline", 501, "Knee Pain")}\nDr. {Long("teaser doctor", 201, "Ho Mei")} reply Rheumatology\n[Read More] Knee Pain"
                : $"\n\nRelated FAQ\n\n{Long("topic", 301, "Knee Pain")}\n({Long("faq specialty", 201, "Rheumatology")})");

        var error = Assert.Throws<PageFormatException>(() => PageParser.Parse(page));

        Assert.Equal((line, problem), (error.Line, error.Problem));
    }

    [Fact]
    public void The_importers_limits_are_the_models()
    {
        using var factory = new EmptyMedQaFactory();
        using var scope = factory.Services.CreateScope();
        var model = scope.ServiceProvider.GetRequiredService<IDbContextFactory<MedQaDbContext>>().CreateDbContext().Model;
        int? Max<T>(string property) => model.FindEntityType(typeof(T))!.FindProperty(property)!.GetMaxLength();

        Assert.Equal(
            [Question.MaxTitleLength, Question.MaxTitleLength, PageLimits.Name, PageLimits.Name, PageLimits.Name, PageLimits.Topic, Question.MaxTitleLength, Question.MaxTitleLength, PageLimits.Name, PageLimits.Name],
            [Max<Question>("Title"), Max<Question>("Headline"), Max<Question>("AskerAlias"), Max<Doctor>("Name"), Max<Specialty>("Name"), Max<Faq>("Topic"),
             Max<SimilarTeaser>("Headline"), Max<SimilarTeaser>("LinkHeadline"), Max<SimilarTeaser>("DoctorName"), Max<SimilarTeaser>("DoctorSpecialty")]);
    }

    [Fact]
    public async Task A_file_over_the_page_size_limit_is_rejected_before_it_is_read()
    {
        using var folder = new TempFolder("medqa-big-");
        var file = folder.File("big.txt");
        await File.WriteAllTextAsync(file, Pages.Minimal() + new string('\n', PageFiles.DefaultMaxPageBytes));

        var error = await Assert.ThrowsAsync<PageFormatException>(() => PageFiles.ReadAsync(file, default));

        Assert.Equal(1, error.Line);
        Assert.Contains("pages over 262,144 bytes are not imported (MedQA:Import:MaxPageBytes)", error.Problem);
    }

    [Fact]
    public void A_page_without_an_asker_line_is_rejected()
    {
        var text = Pages.Minimal().Replace("Lee, 40~49 year old male. Ask Date: 2020/03/04", "");

        var error = Assert.Throws<PageFormatException>(() => PageParser.Parse(text));

        Assert.Contains("no asker line", error.Problem);
    }

    [Fact]
    public void A_page_without_a_reply_is_rejected()
    {
        var text = Pages.Minimal().Split("Dr. Wang Wei")[0];

        var error = Assert.Throws<PageFormatException>(() => PageParser.Parse(text));

        Assert.Contains("no doctor reply", error.Problem);
    }

    [Theory]
    [InlineData("2015/02/30")]
    [InlineData("2015/13/01")]
    [InlineData("yesterday")]
    public void An_impossible_ask_date_is_rejected_on_its_line(string date)
    {
        var error = Assert.Throws<PageFormatException>(() => PageParser.Parse(Pages.Minimal(date: "2020/03/04").Replace("Ask Date: 2020/03/04", $"Ask Date: {date}")));

        Assert.Equal(10, error.Line);
        Assert.Equal($"impossible ask date '{date}' (expected a real date, YYYY/MM/DD)", error.Problem);
    }

    [Fact]
    public void A_reply_without_its_date_is_rejected_at_the_doctor_line()
    {
        var text = Pages.Minimal().Replace("Reply Date: 2020/03/04", "");

        var error = Assert.Throws<PageFormatException>(() => PageParser.Parse(text));

        Assert.Equal(12, error.Line);
        Assert.Contains("no 'Reply Date", error.Problem);
    }

    [Fact]
    public void A_binary_file_is_rejected_before_parsing()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory().FullName, "image.txt");
        File.WriteAllBytes(file, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00]);

        var error = Assert.Throws<PageFormatException>(() => PageFiles.ReadAsync(file, default).GetAwaiter().GetResult());

        Assert.Contains("binary", error.Problem);
    }
}
