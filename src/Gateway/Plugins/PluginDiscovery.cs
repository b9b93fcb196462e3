using System.Reflection;
using System.Runtime.Loader;
using System.Text.RegularExpressions;
using GraphQL.Types;
using MedQA.Plugins;

namespace MedQA.Gateway.Plugins;

/// <summary>
/// Finds plugins (each subfolder of the plugins folder, plus assemblies named in configuration), loads each in
/// its own load context, and registers its contributions in a container of its own with Scrutor. Whatever goes
/// wrong with one plugin (its assembly does not load, it holds no or several plugin classes, its name is taken,
/// its registration throws) marks that plugin FAILED with the reason; the others, and MedQA, carry on.
/// </summary>
public static partial class PluginDiscovery
{
    public static List<LoadedPlugin> Discover(IConfiguration configuration)
    {
        var options = configuration.GetSection(PluginOptions.Section).Get<PluginOptions>() ?? new PluginOptions();
        var plugins = new List<LoadedPlugin>();
        foreach (var (source, load) in Sources(options))
        {
            plugins.Add(Load(source, load, configuration, plugins));
        }
        return plugins;
    }

    private static IEnumerable<(string Source, Func<Assembly> Load)> Sources(PluginOptions options)
    {
        var folder = options.FolderOrDefault;
        if (Directory.Exists(folder))
        {
            foreach (var directory in Directory.GetDirectories(folder).Order(StringComparer.Ordinal))
            {
                var main = Path.Combine(directory, Path.GetFileName(directory) + ".dll");
                yield return (main, () => File.Exists(main)
                    ? new PluginLoadContext(main).LoadFromAssemblyPath(main)
                    : throw new FileNotFoundException($"the plugin folder has no {Path.GetFileName(main)}"));
            }
        }
        // A plugin named by its path loads as one from the folder does (its own load context, its dependencies
        // beside it, the shared assemblies the gateway's), so what passes in the test kit behaves so when deployed.
        foreach (var path in options.Assemblies)
        {
            var full = Path.GetFullPath(path);
            yield return (full, () => File.Exists(full)
                ? new PluginLoadContext(full).LoadFromAssemblyPath(full)
                : throw new FileNotFoundException($"there is no {full}"));
        }
    }

    private static LoadedPlugin Load(string source, Func<Assembly> load, IConfiguration configuration, List<LoadedPlugin> loaded)
    {
        var fallbackName = Path.GetFileNameWithoutExtension(source);
        Assembly assembly;
        Type pluginType;
        try
        {
            assembly = load();
            if (NewerSharedReference(assembly.GetReferencedAssemblies(), GatewayVersion) is { } newer)
            {
                return Failed(fallbackName, source, newer);
            }
            var candidates = assembly.GetExportedTypes()
                .Where(t => t is { IsAbstract: false, IsClass: true } && t.IsSubclassOf(typeof(MedQaPlugin))).ToList();
            if (candidates.Count != 1)
            {
                return Failed(fallbackName, source, $"a plugin assembly holds exactly one public MedQaPlugin class; {fallbackName} holds {candidates.Count}");
            }
            pluginType = candidates[0];
        }
        catch (Exception e) when (e is IOException or BadImageFormatException or ReflectionTypeLoadException or TypeLoadException or FileLoadException)
        {
            return Failed(fallbackName, source, "the assembly cannot be loaded", detail: Describe(e));
        }

        MedQaPlugin plugin;
        try
        {
            plugin = (MedQaPlugin)Activator.CreateInstance(pluginType)!;
            _ = (plugin.Name, plugin.Version, plugin.Description);
        }
        catch (Exception e)
        {
            return Failed(fallbackName, source, $"the plugin class {pluginType.Name} could not be created", detail: Describe(e));
        }
        if (!NamePattern().IsMatch(plugin.Name) || PluginOptions.ReservedNames.Contains(plugin.Name))
        {
            return Failed(plugin.Name, source, $"'{plugin.Name}' is not a valid plugin name (lower-case kebab, not {string.Join("/", PluginOptions.ReservedNames)})", plugin);
        }
        if (AsyncVoidMethod(assembly) is { } method)
        {
            return Failed(plugin.Name, source,
                "it has an async void method: an exception thrown in one ends the gateway process, so the plugin is not loaded; return a Task instead",
                plugin, $"{method.DeclaringType?.FullName}.{method.Name}");
        }
        // Two plugins of one name both load here; which keeps it is decided by tenure once the catalogue can be read
        // (PluginCatalog.SettleNames).

        var settings = configuration.GetSection($"{PluginOptions.Section}:{plugin.Name}");
        var result = new LoadedPlugin
        {
            Name = plugin.Name, Version = plugin.Version, Description = plugin.Description, Source = source, Assembly = assembly,
            Services = [], Trusted = settings.GetValue("Trusted", false),
        };
        if (!settings.GetValue("Enabled", true))
        {
            result.Disable($"disabled by configuration ({PluginOptions.Section}:{plugin.Name}:Enabled=false)");
            return result;
        }
        try
        {
            Register(result.Services, assembly, plugin, settings);
        }
        catch (Exception e)
        {
            result.Fail("its registration threw an exception", Describe(e));
        }
        return result;
    }

    private static void Register(ServiceCollection services, Assembly assembly, MedQaPlugin plugin, IConfiguration settings)
    {
        services.AddSingleton<IConfiguration>(settings);
        services.AddSingleton(plugin);
        services.Scan(scan => scan.FromAssemblies(assembly)
            .AddClasses(c => c.AssignableToAny(typeof(IEnrichmentSection), typeof(IImportSectionParser), typeof(IContentFields)))
            .AsSelfWithInterfaces().WithSingletonLifetime()
            .AddClasses(c => c.AssignableTo<IGraphType>()).AsSelf().WithSingletonLifetime());
        plugin.ConfigureServices(services, settings);
    }

    /// <summary>An exception as operators read it: the innermost one's type and message.</summary>
    /// <summary>
    /// A method of the assembly (lambdas and local functions included: they compile to methods) that is async and
    /// returns void, read from its metadata: nothing catches what such a method throws after its first await.
    /// </summary>
    private static MethodInfo? AsyncVoidMethod(Assembly assembly)
    {
        Type?[] types;
        try
        {
            types = assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            types = e.Types;
        }
        const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        return types.OfType<Type>().SelectMany(t => t.GetMethods(Declared))
            .FirstOrDefault(m => m.ReturnType == typeof(void) && m.IsDefined(typeof(System.Runtime.CompilerServices.AsyncStateMachineAttribute), inherit: false));
    }

    /// <summary>
    /// A reference of the plugin to an assembly the gateway shares with plugins (its own: the contracts, GraphQL.NET,
    /// Microsoft.Extensions.*, the framework) at a newer version than the gateway has: the plugin was built for
    /// another MedQA, and would fail later with a misleading missing file, method or type.
    /// </summary>
    public static string? NewerSharedReference(IEnumerable<AssemblyName> references, Func<string, Version?> gatewayVersion)
    {
        foreach (var reference in references)
        {
            if (reference is { Name: { } name, Version: { } wanted } && gatewayVersion(name) is { } have && wanted > have)
            {
                return $"it was built against {name} {wanted}, newer than this MedQA's {have}: build it against MedQA.Plugins.Contracts "
                    + $"{typeof(MedQaPlugin).Assembly.GetName().Version?.ToString(3)} (GraphQL.NET 8.8.5) and .NET 10's packages";
            }
        }
        return null;
    }

    /// <summary>The gateway's own files (the trusted platform assemblies: the framework and the gateway's dependencies), by name.</summary>
    private static readonly Lazy<Dictionary<string, string>> GatewayAssemblies = new(() =>
        ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .GroupBy(path => Path.GetFileNameWithoutExtension(path), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase));

    private static Version? GatewayVersion(string name) =>
        GatewayAssemblies.Value.TryGetValue(name, out var path) ? AssemblyName.GetAssemblyName(path).Version : null;

    internal static string Describe(Exception e) => $"{Inner(e).GetType().Name}: {Inner(e).Message}";

    private static LoadedPlugin Failed(string name, string source, string reason, MedQaPlugin? plugin = null, string? detail = null)
    {
        var failed = new LoadedPlugin
        {
            Name = name, Source = source, Version = Safe(() => plugin?.Version) ?? "unknown", Description = Safe(() => plugin?.Description) ?? "",
        };
        failed.Fail(reason, detail);
        return failed;
    }

    private static string? Safe(Func<string?> read)
    {
        try
        {
            return read();
        }
        catch (Exception)
        {
            return null;
        }
    }

    internal static Exception Inner(Exception e) => e is TargetInvocationException { InnerException: { } inner } ? inner : e;

    [GeneratedRegex("^[a-z][a-z0-9]*(-[a-z0-9]+)*$")]
    private static partial Regex NamePattern();
}
