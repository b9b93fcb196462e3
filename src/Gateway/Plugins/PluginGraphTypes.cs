using GraphQL.Types;
using MedQA.Plugins;

namespace MedQA.Gateway.Plugins;

/// <summary>A section as served: what the plugin produced, and which plugin (and version) produced it.</summary>
public sealed record PluginSection(LoadedPlugin Plugin, string TypeName, EnrichmentSection Section);

public sealed class PluginType : ObjectGraphType<LoadedPlugin>
{
    public PluginType(IHostEnvironment environment)
    {
        var operators = environment.IsDevelopment(); // elsewhere anonymous callers read it: no paths or exception types
        Name = "Plugin";
        Description = "A plugin MedQA found at start: what it is and whether it runs.";
        Field<NonNullGraphType<StringGraphType>>("name").Description("The plugin's unique name (`causes-summary`).").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<StringGraphType>>("version").Description("The plugin's version; `unknown` when it could not be read.").Resolve(c => c.Source.Version);
        Field<NonNullGraphType<StringGraphType>>("description").Description("What the plugin adds.").Resolve(c => c.Source.Description);
        Field<NonNullGraphType<PluginStatusType>>("status").Description("Whether the plugin runs.").Resolve(c => c.Source.Status);
        Field<StringGraphType>("reason").Description("Why the plugin is disabled or failed; null when it is active.")
            .Resolve(c => c.Source.ReasonFor(operators));
    }
}

public sealed class PluginStatusType : EnumerationGraphType<PluginStatus>
{
    public PluginStatusType()
    {
        Name = "PluginStatus";
        Description = "ACTIVE: its fields are served. DISABLED: turned off by configuration. FAILED: left out because of an error (see `reason`).";
    }
}

public sealed class EnrichmentItemType : ObjectGraphType<EnrichmentItem>
{
    public EnrichmentItemType()
    {
        Name = "EnrichmentItem";
        Description = "One item of an enrichment section.";
        Field<NonNullGraphType<StringGraphType>>("title").Description("The item's title (`Vascular Compression`).").Resolve(c => c.Source.Title);
        Field<NonNullGraphType<StringGraphType>>("detail").Description("The item's text.").Resolve(c => c.Source.Detail);
    }
}

/// <summary>The interface every plugin section implements, so a generic renderer can list them all.</summary>
public sealed class EnrichmentSectionInterface : InterfaceGraphType<PluginSection>
{
    public EnrichmentSectionInterface()
    {
        Name = "EnrichmentSection";
        Description = "A section a plugin adds to content (causes, treatments, ...): heading, summary, items, and the plugin that produced it.";
        EnrichmentSectionFields.Add(this);
    }
}

/// <summary>The object type of one plugin's section (<c>CausesSection</c>), made by the gateway from the plugin's declaration.</summary>
public sealed class EnrichmentSectionType : ObjectGraphType<PluginSection>
{
    public EnrichmentSectionType(string typeName, string description)
    {
        Name = typeName;
        Description = description;
        Interface<EnrichmentSectionInterface>();
        IsTypeOf = value => value is PluginSection section && section.TypeName == typeName;
        EnrichmentSectionFields.Add(this);
    }
}

internal static class EnrichmentSectionFields
{
    public static void Add(InterfaceGraphType<PluginSection> type)
    {
        type.Field<NonNullGraphType<StringGraphType>>("heading").Description(Heading);
        type.Field<NonNullGraphType<StringGraphType>>("summary").Description(Summary);
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<EnrichmentItemType>>>>("items").Description(Items);
        type.Field<NonNullGraphType<PluginType>>("plugin").Description(Plugin);
    }

    public static void Add(ObjectGraphType<PluginSection> type)
    {
        type.Field<NonNullGraphType<StringGraphType>>("heading").Description(Heading).Resolve(c => c.Source.Section.Heading);
        type.Field<NonNullGraphType<StringGraphType>>("summary").Description(Summary).Resolve(c => c.Source.Section.Summary);
        type.Field<NonNullGraphType<ListGraphType<NonNullGraphType<EnrichmentItemType>>>>("items").Description(Items).Resolve(c => c.Source.Section.Items);
        type.Field<NonNullGraphType<PluginType>>("plugin").Description(Plugin).Resolve(c => c.Source.Plugin);
    }

    private const string Heading = "The section's heading, as on the page.";
    private const string Summary = "One sentence summing the section up.";
    private const string Items = "The section's items, in order.";
    private const string Plugin = "The plugin, and its version, that produced this section (its lineage).";
}
