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
        Field<NonNullGraphType<BooleanGraphType>>("trusted").Description("Whether it runs on request threads (MedQA:Plugins:<name>:Trusted) rather than threads of its own.").Resolve(c => c.Source.Trusted);
        Field<PluginHealthType>("health").Description("How the plugin's calls went since the gateway started; null when it is not active.")
            .Resolve(c => c.Source.IsActive ? c.Source.Guard?.Health : null);
    }
}

public sealed class PluginHealthType : ObjectGraphType<PluginHealth>
{
    public PluginHealthType()
    {
        Name = "PluginHealth";
        Description = "A plugin's calls since the gateway started. Each field, section batch or loader read of the plugin is one call.";
        Field<NonNullGraphType<CountGraphType>>("calls").Description("Calls made into the plugin's code.").Resolve(c => c.Source.Calls);
        Field<NonNullGraphType<CountGraphType>>("failures").Description("Calls that threw (PLUGIN_FAILED).").Resolve(c => c.Source.Failures);
        Field<NonNullGraphType<CountGraphType>>("timeouts").Description("Calls cut off at the end of the plugin's budget in their request (PLUGIN_TIMEOUT).").Resolve(c => c.Source.Timeouts);
        Field<NonNullGraphType<CountGraphType>>("rejected").Description("Calls not made: the breaker was open or too many calls were in flight (PLUGIN_UNAVAILABLE).").Resolve(c => c.Source.Rejected);
        Field<NonNullGraphType<PluginBreakerStateType>>("breaker").Description("The circuit breaker's state.").Resolve(c => c.Source.Breaker);
        Field<PluginFaultType>("lastError").Description("The last thing that went wrong; null when nothing has.").Resolve(c => c.Source.LastFault);
        Field<CountGraphType>("allocatedBytes").Description("Bytes allocated on the plugin's own threads, by its code and the MedQA code it called; null for a trusted plugin (it runs on request threads).").Resolve(c => c.Source.AllocatedBytes);
    }
}

public sealed class PluginFaultType : ObjectGraphType<PluginFault>
{
    public PluginFaultType()
    {
        Name = "PluginFault";
        Description = "What went wrong with a plugin's call, as the caller was told.";
        Field<NonNullGraphType<StringGraphType>>("code").Description("PLUGIN_FAILED, PLUGIN_TIMEOUT or PLUGIN_UNAVAILABLE.").Resolve(c => c.Source.Code);
        Field<NonNullGraphType<StringGraphType>>("message").Description("The error's message.").Resolve(c => c.Source.Message);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("at").Description("When it happened (UTC).").Resolve(c => c.Source.At);
    }
}

public sealed class PluginBreakerStateType : EnumerationGraphType<PluginBreakerState>
{
    public PluginBreakerStateType()
    {
        Name = "PluginBreakerState";
        Description = "CLOSED: the plugin is called. OPEN: it failed or timed out too often and is not called for a while (PLUGIN_UNAVAILABLE). HALF_OPEN: one call is trying it again.";
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

/// <summary>GraphQL.NET's <c>Long</c>, described: counts since start outgrow <c>Int</c> (32 bits) on a busy site.</summary>
public sealed class CountGraphType : LongGraphType
{
    public CountGraphType()
    {
        Name = "Long";
        Description = "A whole number of up to 64 bits: a count that can outgrow Int.";
    }
}
