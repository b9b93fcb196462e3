using GraphQL.DataLoader;
using MedQA.Kernel.GraphQL;
using Microsoft.Extensions.DependencyInjection;

namespace MedQA.Replies;

internal sealed class ReplyNodeSource : INodeSource
{
    public string TypeName => "Reply";

    public IDataLoaderResult<object?> Load(IServiceProvider requestServices, int key) =>
        requestServices.GetRequiredService<ReplyLoaders>().ById.Load(key).Boxed();
}

internal sealed class DoctorNodeSource : INodeSource
{
    public string TypeName => "Doctor";

    public IDataLoaderResult<object?> Load(IServiceProvider requestServices, int key) =>
        requestServices.GetRequiredService<ReplyLoaders>().DoctorById.Load(key).Boxed();
}
