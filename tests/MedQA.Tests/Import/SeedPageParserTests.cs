using MedQA.Gateway.Import;
using MedQA.Questions;
using MedQA.Tests.Support;

namespace MedQA.Tests.Import;

/// <summary>Every field of the real seed page, as the parser reads it.</summary>
public sealed class SeedPageParserTests
{
    private static readonly ParsedPage Page =
        PageParser.Parse(File.ReadAllText(RepositoryRoot.File("samples", "pages", "facial-nerve-twitching.txt")));

    [Fact]
    public void Reads_the_headline_its_specialty_and_the_title()
    {
        Assert.Equal("Facial Nerve Twitches: Causes and Treatment Options", Page.Headline);
        Assert.Equal("Neurology", Page.Specialty);
        Assert.Equal("Facial nerve twitching", Page.Title);
    }

    [Fact]
    public void Keeps_the_line_breaks_of_the_question_body()
    {
        Assert.Equal(
            "Hello, about a month to two months ago, I started experiencing twitching in the left cheek near the corner of my mouth whenever I blink naturally.\n" +
            "This never happened before.\nIs there a way to treat this? Thank you.",
            Page.Body);
    }

    [Fact]
    public void Reads_the_asker_line()
    {
        Assert.Equal(new ParsedAsker("Zoo", Gender.Female, 20, 29), Page.Asker);
        Assert.Equal(new DateOnly(2015, 8, 26), Page.AskedOn);
    }

    [Fact]
    public void Reads_the_reply_with_its_doctor_specialty_and_date()
    {
        var reply = Assert.Single(Page.Replies);
        Assert.Equal("Lan Shengxing", reply.DoctorName);
        Assert.Equal("Neurology", reply.Specialty);
        Assert.Equal(new DateOnly(2015, 8, 26), reply.RepliedOn);
        Assert.StartsWith("Dear Zoo Miss, currently, I cannot tell you what disease this is", reply.Body);
        Assert.EndsWith("visit a neurology outpatient clinic for diagnosis and treatment.", reply.Body);
        Assert.Equal(2, reply.Body.Count(c => c == '\n'));
    }

    [Fact]
    public void Reads_the_article_intro_and_conclusion()
    {
        var article = Assert.IsType<ParsedArticle>(Page.Article);
        Assert.StartsWith("Facial nerve twitches, also known as facial spasms or hemifacial spasms", article.Intro);
        Assert.EndsWith("essential for effective management.", article.Intro);
        Assert.StartsWith("Facial nerve twitches can be distressing", article.Conclusion);
        Assert.EndsWith("for guidance and support.", article.Conclusion);
    }

    [Fact]
    public void Reads_the_five_causes()
    {
        var causes = Page.Article!.Sections[0];
        Assert.Equal("Causes of Facial Nerve Twitches", causes.Heading);
        Assert.Equal(
            ["Nerve Irritation or Damage", "Neurological Conditions", "Vascular Compression", "Stress and Fatigue", "Medications and Substances"],
            causes.Items.Select(i => i.Title));
        Assert.Equal([1, 2, 3, 4, 5], causes.Items.Select(i => i.Number));
        Assert.StartsWith("One of the most common causes of facial twitches", causes.Items[0].Text);
        Assert.StartsWith("1. Nerve Irritation or Damage: ", causes.Body);
    }

    [Fact]
    public void Reads_the_six_treatments()
    {
        Assert.Equal(2, Page.Article!.Sections.Count);
        var treatments = Page.Article.Sections[1];
        Assert.Equal("Treatment Options", treatments.Heading);
        Assert.Equal(
            ["Medical Evaluation", "Medications", "Physical Therapy", "Stress Management", "Surgical Options", "Lifestyle Modifications"],
            treatments.Items.Select(i => i.Title));
        Assert.EndsWith("potentially reduce symptoms.", treatments.Items[5].Text);
    }

    [Fact]
    public void Reads_the_four_similar_teasers()
    {
        Assert.Equal(4, Page.Similar.Count);
        var first = Page.Similar[0];
        Assert.Equal("Understanding Facial Nerve Disorders: Treatment Options and Insights", first.Headline);
        Assert.StartsWith("Hello, doctor... I have been experiencing facial nerve issues", first.QuestionExcerpt);
        Assert.EndsWith("plastic surgery clinic h...", first.QuestionExcerpt);
        Assert.Equal("Lai Zhaokang", first.DoctorName);
        Assert.Equal("Neurosurgery", first.DoctorSpecialty);
        Assert.StartsWith("Hello: 1. Your symptoms are likely indicative", first.ReplyExcerpt);
        Assert.Equal(first.Headline, first.LinkHeadline);
        Assert.Equal(["Lai Zhaokang", "Ye Boshou", "Jiang Junyi", "Chen Taicheng"], Page.Similar.Select(t => t.DoctorName));
        Assert.Equal(["Neurosurgery", "Neurology", "Neurology", "Family Medicine"], Page.Similar.Select(t => t.DoctorSpecialty));
        Assert.Equal("Understanding Involuntary Twitches Near the Nose: Causes and Concerns", Page.Similar[3].LinkHeadline);
    }

    [Fact]
    public void Reads_the_ten_related_faq_topics()
    {
        Assert.Equal(
            ["Facial Twitching", "Facial Nerve", "Eyelid Muscle Twitching", "Involuntary Muscle Movement", "Facial And Hand Numbness",
             "Muscle Fasciculation", "Muscle Cramp", "Eyelid", "Tremor", "Myasthenia Gravis"],
            Page.Faqs.Select(f => f.Topic));
        Assert.All(Page.Faqs, f => Assert.Equal("Neurology", f.Specialty));
    }
}
