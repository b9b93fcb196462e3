using MedQA.Kernel;
using Microsoft.Extensions.DependencyInjection;

namespace MedQA.Questions;

public static class QuestionsModule
{
    /// <summary>Registers the Questions module: questions, askers, articles, similar teasers.</summary>
    public static IServiceCollection AddQuestionsModule(this IServiceCollection services) =>
        services.AddContentModule(typeof(QuestionsModule).Assembly).AddScoped<QuestionLoaders>()
            .AddSingleton<IQuestionFilter, QuestionColumnsFilter>()
            .AddSingleton<SimilarQuestions>();
}
