using MedQA.Kernel;
using MedQA.Questions;
using Microsoft.Extensions.DependencyInjection;

namespace MedQA.Replies;

public static class RepliesModule
{
    /// <summary>Registers the Replies module: replies and doctors, <c>Question.replies</c>, <c>Specialty.doctors</c>.</summary>
    public static IServiceCollection AddRepliesModule(this IServiceCollection services) =>
        services.AddContentModule(typeof(RepliesModule).Assembly).AddScoped<ReplyLoaders>()
            .AddSingleton<IQuestionFilter, ReplyQuestionFilter>()
            .AddSingleton<ITeaserReplies, ReplyTeasers>();
}
