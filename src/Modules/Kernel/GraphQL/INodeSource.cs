using GraphQL.DataLoader;

namespace MedQA.Kernel.GraphQL;

/// <summary>Loads one content type by key for <c>node(id:)</c>; each module registers one per node type.</summary>
public interface INodeSource
{
    /// <summary>The GraphQL type name encoded in the global id.</summary>
    string TypeName { get; }

    IDataLoaderResult<object?> Load(IServiceProvider requestServices, int key);
}
