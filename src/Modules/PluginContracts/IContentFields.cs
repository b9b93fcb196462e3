using GraphQL.Builders;
using GraphQL.Types;

namespace MedQA.Plugins;

/// <summary>
/// The full case: a plugin adds fields of its own GraphQL types to content types, and root query fields.
/// Every field a plugin adds is nullable (a failure gives null and an error, never a broken parent), its resolver
/// runs within the plugin's time budget, and its name must not collide with another field.
/// </summary>
public interface IContentFields
{
    /// <summary>Adds the plugin's fields. Throwing marks the plugin FAILED; MedQA still starts.</summary>
    /// <param name="fields">Where the fields go.</param>
    void AddFields(IContentFieldRegistry fields);
}

/// <summary>Adds a plugin's fields; the builders are GraphQL.NET's own.</summary>
public interface IContentFieldRegistry
{
    /// <summary>
    /// A field on a content type. In its resolver, <c>context.Source</c> is the item as <see cref="IContent"/>.
    /// Graph types the plugin defines are found in its own assembly.
    /// </summary>
    /// <typeparam name="TGraphType">The field's GraphQL type.</typeparam>
    /// <param name="on">The content type to add it to.</param>
    /// <param name="name">The field name, camelCase.</param>
    FieldBuilder<IContent, object> AddField<TGraphType>(ContentType on, string name) where TGraphType : IGraphType;

    /// <summary>
    /// A field on a content type whose values the plugin loads for many items at once, as sections are: MedQA calls
    /// <paramref name="load"/> once per request level with the keys (<see cref="IContent.Id"/>) of every item the
    /// field is asked for there (a list of 50 questions: one call with 50 keys, not 50 calls), within the plugin's
    /// budget; keys it leaves out answer null. Give it a description with the builder; its resolver is MedQA's.
    /// </summary>
    /// <typeparam name="TGraphType">The field's GraphQL type.</typeparam>
    /// <typeparam name="TValue">What <paramref name="load"/> gives per key.</typeparam>
    /// <param name="on">The content type to add it to.</param>
    /// <param name="name">The field name, camelCase.</param>
    /// <param name="load">The values for a batch of keys.</param>
    FieldBuilder<IContent, object> AddBatchedField<TGraphType, TValue>(
        ContentType on, string name, Func<IReadOnlyCollection<int>, CancellationToken, Task<IReadOnlyDictionary<int, TValue>>> load)
        where TGraphType : IGraphType;

    /// <summary>A root query field.</summary>
    /// <typeparam name="TGraphType">The field's GraphQL type.</typeparam>
    /// <param name="name">The field name, camelCase.</param>
    FieldBuilder<object, object> AddQueryField<TGraphType>(string name) where TGraphType : IGraphType;
}
