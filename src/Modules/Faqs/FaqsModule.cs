using GraphQL.DataLoader;
using MedQA.Kernel;
using MedQA.Kernel.GraphQL;
using Microsoft.Extensions.DependencyInjection;

namespace MedQA.Faqs;

public static class FaqsModule
{
    /// <summary>Registers the Faqs module: FAQ topics, <c>faqs</c>, <c>Question.relatedFaqs</c>, <c>Specialty.faqs</c>.</summary>
    public static IServiceCollection AddFaqsModule(this IServiceCollection services) =>
        services.AddContentModule(typeof(FaqsModule).Assembly).AddScoped<FaqLoaders>();
}

internal sealed class FaqNodeSource : INodeSource
{
    public string TypeName => "Faq";

    public IDataLoaderResult<object?> Load(IServiceProvider requestServices, int key) =>
        requestServices.GetRequiredService<FaqLoaders>().ById.Load(key).Boxed();
}
