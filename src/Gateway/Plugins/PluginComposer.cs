using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using MedQA.Kernel.Data;
using MedQA.Kernel.GraphQL;
using MedQA.Plugins;
using Microsoft.EntityFrameworkCore;

namespace MedQA.Gateway.Plugins;

/// <summary>
/// Adds each active plugin's fields to the schema, all or nothing per plugin: a field whose name is taken (by a
/// core field or another plugin's), a type whose name is taken, or types that do not make a valid schema mark
/// that plugin FAILED with a reason naming both sides, and nothing of it is added. Between plugins, tenure decides:
/// a field or type name a plugin held at an earlier start (<see cref="PluginClaim"/>) stays its own against a
/// newcomer, whatever the folders are named; names nobody held go to the plugins in name order (ordinal), and are
/// theirs from then on.
/// </summary>
internal sealed class PluginComposer(IServiceProvider services, PluginCatalog catalog, ILogger logger)
{
    private readonly Dictionary<(string Type, string Field), string> _fieldOwners = [];
    private readonly Dictionary<string, string> _typeOwners = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Kind, string Name), PluginClaim> _held = [];
    private readonly List<PluginClaim> _holding = [];

    public void Compose(QueryType query)
    {
        var targets = ContentGraphTypes.All.ToDictionary(t => t.Key, t => (IObjectGraphType)services.GetRequiredService(t.Value));
        IEnumerable<IObjectGraphType> roots = [query, .. targets.Values];
        foreach (var name in GraphTypeNames.Reachable(roots.SelectMany(r => r.Fields), t => services.GetService(t) as IGraphType).Keys)
        {
            _typeOwners[name] = $"the core type {name}";
        }
        foreach (var root in roots)
        {
            _typeOwners[root.Name] = $"the core type {root.Name}";
        }
        var active = catalog.Active.OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
        foreach (var claim in ReadClaims().Where(c => active.Any(p => p.Name == c.Plugin)))
        {
            _held[(claim.Kind, claim.Name)] = claim;
        }
        foreach (var plugin in active)
        {
            try
            {
                var plan = Plan(plugin, query, targets);
                if (Check(plugin, plan) is { } problem)
                {
                    plugin.Fail(problem);
                }
                else
                {
                    Apply(plugin, plan);
                }
            }
            catch (Exception e)
            {
                plugin.Fail("its fields could not be added", PluginDiscovery.Describe(e));
            }
            if (!plugin.IsActive)
            {
                PluginCatalog.Report(plugin, logger);
            }
        }
        WriteClaims();
    }

    private List<PluginClaim> ReadClaims()
    {
        try
        {
            using var db = services.GetRequiredService<IDbContextFactory<MedQaDbContext>>().CreateDbContext();
            return db.Set<PluginClaim>().AsNoTracking().ToList();
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
        {
            logger.LogWarning("Plugin names held at earlier starts could not be read ({Reason}); clashes go by plugin name order", e.Message);
            return [];
        }
    }

    /// <summary>Records who holds each plugin field and type now; a name no plugin holds at this start keeps its last holder.</summary>
    private void WriteClaims()
    {
        try
        {
            using var db = services.GetRequiredService<IDbContextFactory<MedQaDbContext>>().CreateDbContext();
            var known = db.Set<PluginClaim>().ToDictionary(c => (c.Kind, c.Name));
            foreach (var claim in _holding)
            {
                if (!known.TryGetValue((claim.Kind, claim.Name), out var row))
                {
                    db.Add(claim);
                }
                else if (row.Plugin != claim.Plugin)
                {
                    row.Plugin = claim.Plugin;
                    row.ClaimedAt = claim.ClaimedAt;
                }
            }
            db.SaveChanges();
        }
        catch (Exception e) when (e is System.Data.Common.DbException or DbUpdateException or InvalidOperationException)
        {
            logger.LogWarning("Plugin names held at this start could not be recorded ({Reason})", e.Message);
        }
    }

    private string? HeldByAnother(LoadedPlugin plugin, string kind, string name) =>
        _held.TryGetValue((kind, name), out var claim) && claim.Plugin != plugin.Name
            ? $"plugin '{claim.Plugin}', which has held it since {claim.ClaimedAt:yyyy-MM-dd}"
            : null;

    private List<(IObjectGraphType Target, FieldType Field)> Plan(LoadedPlugin plugin, QueryType query, Dictionary<ContentType, IObjectGraphType> targets)
    {
        var plan = new List<(IObjectGraphType, FieldType)>();
        foreach (var section in plugin.Sections)
        {
            var type = new EnrichmentSectionType(section.TypeName, $"{section.Description} Produced by the plugin '{plugin.Name}'.");
            plan.Add((targets[section.ContentType], new FieldType
            {
                Name = section.FieldName,
                Description = section.Description,
                ResolvedType = type,
                Resolver = new FuncFieldResolver<object>(context => context.Service<EnrichmentLoaders>()
                    .Load(plugin, section, ((IContent)context.Source!).Id)),
            }));
        }
        foreach (var contributor in plugin.Fields)
        {
            var registry = new ContentFieldRegistry();
            contributor.AddFields(registry);
            plan.AddRange(registry.Fields.Select(f => (f.On is { } on ? targets[on] : (IObjectGraphType)query, f.Field)));
        }
        return plan;
    }

    private string? Check(LoadedPlugin plugin, List<(IObjectGraphType Target, FieldType Field)> plan)
    {
        var own = new HashSet<(string, string)>();
        foreach (var (target, field) in plan)
        {
            if (!own.Add((target.Name, field.Name)))
            {
                return $"it adds the field {target.Name}.{field.Name} twice";
            }
            if (target.HasField(field.Name))
            {
                var owner = _fieldOwners.GetValueOrDefault((target.Name, field.Name)) ?? $"the core field {target.Name}.{field.Name}";
                return $"its field {target.Name}.{field.Name} collides with {owner}";
            }
            if (HeldByAnother(plugin, PluginClaim.FieldKind, $"{target.Name}.{field.Name}") is { } holder)
            {
                return $"its field {target.Name}.{field.Name} collides with the field {target.Name}.{field.Name} of {holder}";
            }
        }
        var types = GraphTypeNames.Reachable(plan.Select(p => p.Field), t => Resolve(plugin, t));
        foreach (var (name, type) in types)
        {
            if (type.GetType().Assembly == plugin.Assembly || type is EnrichmentSectionType)
            {
                if (_typeOwners.TryGetValue(name, out var owner))
                {
                    return $"its type {name} collides with {owner}";
                }
                if (HeldByAnother(plugin, PluginClaim.TypeKind, name) is { } holder)
                {
                    return $"its type {name} collides with the type {name} of {holder}";
                }
            }
        }
        return Validate(plugin, plan);
    }

    /// <summary>Builds a throwaway schema of the plugin's own fields, on fresh instances of its types.</summary>
    private string? Validate(LoadedPlugin plugin, List<(IObjectGraphType Target, FieldType Field)> plan)
    {
        var custom = plan.Where(p => p.Field.ResolvedType is not EnrichmentSectionType).ToList();
        if (custom.Count == 0)
        {
            return null;
        }
        using var fresh = plugin.Services!.BuildServiceProvider();
        var check = new GraphQL.Types.Schema(new FallbackProvider(services, fresh)) { Query = new ObjectGraphType { Name = "PluginCheck" } };
        for (var i = 0; i < custom.Count; i++)
        {
            check.Query.AddField(new FieldType { Name = $"f{i}", Type = custom[i].Field.Type, Arguments = custom[i].Field.Arguments });
        }
        try
        {
            check.Initialize();
            return null;
        }
        catch (Exception e)
        {
            return $"its GraphQL types are not valid: {e.Message}";
        }
    }

    private void Apply(LoadedPlugin plugin, List<(IObjectGraphType Target, FieldType Field)> plan)
    {
        foreach (var (target, field) in plan)
        {
            GraphTypeNames.MakeNullable(field);
            field.Resolver = new GuardedResolver(plugin, field.Resolver ?? NameFieldResolver.Instance, runsPluginCode: field.ResolvedType is not EnrichmentSectionType);
            target.AddField(field);
            _fieldOwners[(target.Name, field.Name)] = $"the field {target.Name}.{field.Name} of plugin '{plugin.Name}' ({plugin.Version})";
            _holding.Add(Claim(plugin, PluginClaim.FieldKind, $"{target.Name}.{field.Name}"));
        }
        foreach (var name in GraphTypeNames.Reachable(plan.Select(p => p.Field), t => Resolve(plugin, t))
            .Where(t => t.Value.GetType().Assembly == plugin.Assembly || t.Value is EnrichmentSectionType).Select(t => t.Key))
        {
            _typeOwners[name] = $"the type {name} of plugin '{plugin.Name}' ({plugin.Version})";
            _holding.Add(Claim(plugin, PluginClaim.TypeKind, name));
        }
    }

    private PluginClaim Claim(LoadedPlugin plugin, string kind, string name) => new()
    {
        Kind = kind, Name = name, Plugin = plugin.Name,
        ClaimedAt = _held.TryGetValue((kind, name), out var held) && held.Plugin == plugin.Name ? held.ClaimedAt : DateTimeOffset.UtcNow,
    };

    /// <summary>
    /// Puts the resolvers of a type the plugin defines behind its guard too: they are its code as much as the
    /// fields it adds to content. Only reads of a property by name (GraphQL.NET's default) run as they are.
    /// </summary>
    public static void Guard(LoadedPlugin plugin, IComplexGraphType type)
    {
        foreach (var field in type.Fields)
        {
            if (field.Resolver is not (null or GuardedResolver or NameFieldResolver or SourceFieldResolver))
            {
                field.Resolver = new GuardedResolver(plugin, field.Resolver, runsPluginCode: true);
            }
        }
    }

    private IGraphType? Resolve(LoadedPlugin plugin, Type type) =>
        (type.Assembly == plugin.Assembly ? plugin.Provider!.GetService(type) : services.GetService(type)) as IGraphType;

    /// <summary>Resolves from the first provider that has the type.</summary>
    internal sealed class FallbackProvider(params IServiceProvider[] providers) : IServiceProvider
    {
        public object? GetService(Type serviceType) => providers.Select(p => p.GetService(serviceType)).FirstOrDefault(s => s is not null);
    }
}
