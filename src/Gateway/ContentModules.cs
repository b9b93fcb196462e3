using GraphQL.Types;
using MedQA.Faqs;
using MedQA.Kernel;
using MedQA.Questions;
using MedQA.Replies;
using MedQA.Specialties;
using Microsoft.EntityFrameworkCore;

namespace MedQA.Gateway;

/// <summary>The content modules the gateway composes: their services, graph types and entity model.</summary>
public static class ContentModules
{
    private static readonly System.Reflection.Assembly[] ModelAssemblies =
    [
        typeof(ContentModuleRegistration).Assembly,
        typeof(SpecialtiesModule).Assembly,
        typeof(QuestionsModule).Assembly,
        typeof(RepliesModule).Assembly,
        typeof(FaqsModule).Assembly,
        typeof(ContentModules).Assembly, // the gateway's own tables: partners and their documents
    ];

    public static IServiceCollection AddContentModules(this IServiceCollection services) => services
        .AddContentModule(typeof(ContentModuleRegistration).Assembly)
        .AddSpecialtiesModule()
        .AddQuestionsModule()
        .AddRepliesModule()
        .AddFaqsModule();

    public static void ConfigureModel(ModelBuilder modelBuilder)
    {
        foreach (var assembly in ModelAssemblies)
        {
            modelBuilder.ApplyConfigurationsFromAssembly(assembly);
        }
    }
}
