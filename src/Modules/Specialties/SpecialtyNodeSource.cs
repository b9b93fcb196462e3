using GraphQL.DataLoader;
using MedQA.Kernel.GraphQL;
using Microsoft.Extensions.DependencyInjection;

namespace MedQA.Specialties;

internal sealed class SpecialtyNodeSource : INodeSource
{
    public string TypeName => "Specialty";

    public IDataLoaderResult<object?> Load(IServiceProvider requestServices, int key) =>
        requestServices.GetRequiredService<SpecialtyLoaders>().ById.Load(key).Boxed();
}
