using MedQA.Gateway.Import;
using MedQA.Questions;
using MedQA.Tests.Support;

namespace MedQA.Tests.Import;

public sealed class PageFormatTests
{
    [Fact]
    public void Reads_several_replies_with_their_own_doctors_and_dates()
    {
        var page = PageParser.Parse(Pages.TwoReplies);

        Assert.Equal(["Chen Taicheng", "Lin Yu"], page.Replies.Select(r => r.DoctorName));
        Assert.Equal(["Family Medicine", "Pulmonology"], page.Replies.Select(r => r.Specialty));
        Assert.Equal([new DateOnly(2021, 1, 11), new DateOnly(2021, 1, 12)], page.Replies.Select(r => r.RepliedOn));
        Assert.Equal("See a chest physician if it lasts.\nA chest X-ray may help.", page.Replies[1].Body);
    }

    [Fact]
    public void Keeps_article_sections_other_than_causes_and_treatment()
    {
        var article = PageParser.Parse(Pages.TwoReplies).Article!;

        Assert.Equal("A cough after a cold can last weeks.", article.Intro);
        Assert.Equal(["When to See a Doctor", "Home Care"], article.Sections.Select(s => s.Heading));
        Assert.Equal(["Blood", "Fever"], article.Sections[0].Items.Select(i => i.Title));
        Assert.Equal("Drink warm fluids.", article.Sections[1].Body);
        Assert.Null(article.Conclusion);
    }

    [Fact]
    public void Reads_unicode_aliases()
    {
        var page = PageParser.Parse(Pages.TwoReplies);

        Assert.Equal(new ParsedAsker("小明", Gender.Female, 30, 39), page.Asker);
        Assert.Equal([new ParsedFaq("Cough", "Family Medicine")], page.Faqs);
    }

    [Fact]
    public void A_page_without_more_info_similar_or_faqs_has_none()
    {
        var page = PageParser.Parse(Pages.Minimal());

        Assert.Null(page.Article);
        Assert.Empty(page.Similar);
        Assert.Empty(page.Faqs);
        Assert.Equal("My knee hurts on the stairs.\nShould I worry?", page.Body);
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void Line_endings_and_a_missing_or_present_final_newline_read_the_same(string newline)
    {
        var expected = PageParser.Parse(Pages.TwoReplies);
        var text = Pages.TwoReplies.ReplaceLineEndings(newline);

        foreach (var variant in new[] { text, text + newline, text + newline + newline })
        {
            var page = PageParser.Parse(variant);
            Assert.Equal(expected.Body, page.Body);
            Assert.Equal(expected.Replies, page.Replies);
            Assert.Equal(expected.Faqs, page.Faqs);
            Assert.Equal(expected.Article!.Sections.Select(s => s.Body), page.Article!.Sections.Select(s => s.Body));
        }
    }

    [Fact]
    public void An_asker_line_without_age_or_gender_is_unspecified()
    {
        var page = PageParser.Parse(Pages.Minimal().Replace("Lee, 40~49 year old male.", "Anonymous,"));

        Assert.Equal(new ParsedAsker("Anonymous", Gender.Unspecified, null, null), page.Asker);
    }

    [Theory]
    [InlineData("Anonymous. Ask Date: 2020/03/04", "Anonymous", Gender.Unspecified, null, null)]
    [InlineData("Anonymous Ask Date: 2020/03/04", "Anonymous", Gender.Unspecified, null, null)]
    [InlineData("Lee, male. Ask Date: 2020/03/04", "Lee", Gender.Male, null, null)]
    [InlineData("Lee, female. Ask Date: 2020/03/04", "Lee", Gender.Female, null, null)]
    [InlineData("Lee, 30~39 year old. Ask Date: 2020/03/04", "Lee", Gender.Unspecified, 30, 39)]
    [InlineData("Lee, 30~39 year old female. Ask Date: 2020/03/04", "Lee", Gender.Female, 30, 39)]
    [InlineData("Dr. Who fan, 20~29 year old male. Ask Date: 2020/03/04", "Dr. Who fan", Gender.Male, 20, 29)]
    public void Every_optional_form_of_the_asker_line_imports(string line, string alias, Gender gender, int? min, int? max)
    {
        var page = PageParser.Parse(Pages.Minimal().Replace("Lee, 40~49 year old male. Ask Date: 2020/03/04", line));

        Assert.Equal(new ParsedAsker(alias, gender, min, max), page.Asker);
        Assert.Equal(new DateOnly(2020, 3, 4), page.AskedOn);
    }
}
