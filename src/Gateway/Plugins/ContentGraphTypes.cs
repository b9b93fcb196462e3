using MedQA.Faqs;
using MedQA.Plugins;
using MedQA.Questions;
using MedQA.Replies;
using MedQA.Specialties;

namespace MedQA.Gateway.Plugins;

/// <summary>The graph type of each content type plugins can extend.</summary>
public static class ContentGraphTypes
{
    public static readonly IReadOnlyDictionary<ContentType, Type> All = new Dictionary<ContentType, Type>
    {
        [ContentType.Question] = typeof(QuestionType),
        [ContentType.Reply] = typeof(ReplyType),
        [ContentType.Specialty] = typeof(SpecialtyType),
        [ContentType.Faq] = typeof(FaqType),
    };
}
