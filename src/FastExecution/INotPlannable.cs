using GraphQL.Resolvers;

namespace MedQA.FastExecution;

/// <summary>
/// A resolver compiled plans leave to GraphQL.NET's execution: an operation that selects such a field is not
/// compiled. The gateway's guarded plugin resolvers are: a plugin that fails or times out is reported by GraphQL.NET,
/// and a compiled run that fell back would call it a second time.
/// </summary>
public interface INotPlannable : IFieldResolver;
