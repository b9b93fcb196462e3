using GraphQL.Builders;
using GraphQL.Types;
using MedQA.Plugins;

namespace MedQA.Gateway.Plugins;

/// <summary>Collects the fields one plugin adds through <see cref="IContentFields"/>, before any is applied.</summary>
internal sealed class ContentFieldRegistry : IContentFieldRegistry
{
    public List<(ContentType? On, FieldType Field)> Fields { get; } = [];

    public FieldBuilder<IContent, object> AddField<TGraphType>(ContentType on, string name) where TGraphType : IGraphType
    {
        var builder = FieldBuilder<IContent, object>.Create(name, typeof(TGraphType));
        Fields.Add((on, builder.FieldType));
        return builder;
    }

    public FieldBuilder<IContent, object> AddBatchedField<TGraphType, TValue>(
        ContentType on, string name, Func<IReadOnlyCollection<int>, CancellationToken, Task<IReadOnlyDictionary<int, TValue>>> load)
        where TGraphType : IGraphType
    {
        var builder = AddField<TGraphType>(on, name);
        builder.FieldType.Resolver = new BatchedFieldResolver(async (ids, cancellationToken) =>
            (await load(ids, cancellationToken)).ToDictionary(v => v.Key, v => (object?)v.Value));
        return builder;
    }

    public FieldBuilder<object, object> AddQueryField<TGraphType>(string name) where TGraphType : IGraphType
    {
        var builder = FieldBuilder<object, object>.Create(name, typeof(TGraphType));
        Fields.Add((null, builder.FieldType));
        return builder;
    }
}
