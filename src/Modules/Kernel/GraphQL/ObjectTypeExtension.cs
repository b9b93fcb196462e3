using GraphQL.Types;

namespace MedQA.Kernel.GraphQL;

/// <summary>
/// Adds fields to another module's object type without editing it (the idea of HotChocolate's
/// <c>[ExtendObjectType]</c>): Replies adds <c>Question.replies</c>, every module adds its root fields to
/// <see cref="QueryType"/>. The schema applies every registered extension before it is built.
/// </summary>
public interface IObjectTypeExtension
{
    /// <summary>The graph type class this extension adds fields to.</summary>
    Type ExtendedType { get; }

    void Extend(IObjectGraphType type);
}

public abstract class ObjectTypeExtension<TGraphType> : IObjectTypeExtension
    where TGraphType : IObjectGraphType
{
    public Type ExtendedType => typeof(TGraphType);

    public void Extend(IObjectGraphType type) => Extend((TGraphType)type);

    protected abstract void Extend(TGraphType type);
}
