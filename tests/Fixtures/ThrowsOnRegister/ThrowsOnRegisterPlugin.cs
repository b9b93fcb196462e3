using MedQA.Plugins;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ThrowsOnRegister;

public sealed class ThrowsOnRegisterPlugin : MedQaPlugin
{
    public override string Name => "throws-on-register";

    public override void ConfigureServices(IServiceCollection services, IConfiguration settings) =>
        throw new InvalidOperationException("no licence key configured");
}
