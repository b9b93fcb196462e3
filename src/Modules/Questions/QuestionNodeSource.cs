using GraphQL.DataLoader;
using MedQA.Kernel.GraphQL;
using Microsoft.Extensions.DependencyInjection;

namespace MedQA.Questions;

internal sealed class QuestionNodeSource : INodeSource
{
    public string TypeName => "Question";

    public IDataLoaderResult<object?> Load(IServiceProvider requestServices, int key) =>
        requestServices.GetRequiredService<QuestionLoaders>().ById.Load(key).Boxed();
}
