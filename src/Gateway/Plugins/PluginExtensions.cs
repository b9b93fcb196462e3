using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using MedQA.Faqs;
using MedQA.Kernel.GraphQL;
using MedQA.Plugins;
using MedQA.Questions;
using MedQA.Replies;
using MedQA.Specialties;

namespace MedQA.Gateway.Plugins;

/// <summary>Adds <c>plugins</c> to the root query.</summary>
public sealed class PluginQueries(PluginCatalog catalog) : ObjectTypeExtension<QueryType>
{
    protected override void Extend(QueryType type) =>
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<PluginType>>>>("plugins")
            .Description("Every plugin MedQA found at start, by name, with its status and, when it failed, why.")
            .Resolve(_ => catalog.Plugins.OrderBy(p => p.Name, StringComparer.Ordinal).ToList());
}

/// <summary>Adds <c>enrichments</c> to every content type: the sections of all active plugins, for generic renderers.</summary>
public abstract class EnrichmentsExtension<TGraphType>(PluginCatalog catalog, ContentType contentType) : ObjectTypeExtension<TGraphType>
    where TGraphType : IObjectGraphType
{
    protected override void Extend(TGraphType type) =>
        type.AddField(new FieldType
        {
            Name = "enrichments",
            Description = "The sections plugins add (causes, treatments, ...), in plugin name order; content without a section gets no entry. " +
                "A failing plugin's section is left out with a PLUGIN_FAILED or PLUGIN_TIMEOUT error.",
            Type = typeof(NonNullGraphType<ListGraphType<NonNullGraphType<EnrichmentSectionInterface>>>),
            Arguments = new QueryArguments(new QueryArgument<ListGraphType<NonNullGraphType<StringGraphType>>>
            {
                Name = "plugins", Description = "Only the sections of these plugins (by name); all when omitted.",
            }),
            Resolver = new GraphQL.Resolvers.FuncFieldResolver<object>(Resolve),
        });

    private object? Resolve(IResolveFieldContext context)
    {
        var only = context.GetArgument<List<string>?>("plugins");
        var loaders = context.Service<EnrichmentLoaders>();
        var id = ((IContent)context.Source!).Id;
        var pending = catalog.Active.Where(p => only is null || only.Contains(p.Name)).OrderBy(p => p.Name, StringComparer.Ordinal)
            .SelectMany(p => p.Sections.Where(s => s.ContentType == contentType).Select(s => loaders.Load(p, s, id)))
            .ToList();
        return new AllSections(context, pending);
    }

    /// <summary>Each plugin's section on its own: one that fails is left out with its error, the others stay.</summary>
    private sealed class AllSections(IResolveFieldContext context, List<IDataLoaderResult<PluginSection?>> pending) : IDataLoaderResult
    {
        public async Task<object?> GetResultAsync(CancellationToken cancellationToken = default)
        {
            var sections = new List<PluginSection>();
            foreach (var result in pending)
            {
                try
                {
                    if (await result.GetResultAsync(cancellationToken) is { } section)
                    {
                        sections.Add(section);
                    }
                }
                catch (PluginError error)
                {
                    var own = GuardedResolver.Copy(error);
                    own.Path = context.ResponsePath;
                    context.Errors.Add(own);
                }
            }
            return sections;
        }
    }
}

public sealed class QuestionEnrichments(PluginCatalog catalog) : EnrichmentsExtension<QuestionType>(catalog, ContentType.Question);

public sealed class ReplyEnrichments(PluginCatalog catalog) : EnrichmentsExtension<ReplyType>(catalog, ContentType.Reply);

public sealed class SpecialtyEnrichments(PluginCatalog catalog) : EnrichmentsExtension<SpecialtyType>(catalog, ContentType.Specialty);

public sealed class FaqEnrichments(PluginCatalog catalog) : EnrichmentsExtension<FaqType>(catalog, ContentType.Faq);
