using MedQA.Plugins;

namespace AsyncVoid;

/// <summary>A plugin with an async void method: refused at load, since an exception thrown in one ends the process.</summary>
public sealed class AsyncVoidPlugin : MedQaPlugin
{
    public override string Name => "async-void";
}

public sealed class Notifier
{
    public async void Notify()
    {
        await Task.Yield();
        throw new InvalidOperationException("nobody awaits this");
    }
}
