using System.Data.Common;

namespace MedQA.Kernel.Data;

/// <summary>
/// Stops a statement that is running when its request is cancelled (the client went away, or the execution timeout
/// fired). A provider whose commands stop on cancellation by themselves needs none; SQLite's do not: a statement runs
/// to its end unless the connection is interrupted.
/// </summary>
public interface IStatementInterrupt
{
    /// <summary>Interrupts what runs on <paramref name="connection"/> when <paramref name="cancellation"/> fires, until disposed.</summary>
    CancellationTokenRegistration Arm(DbConnection connection, CancellationToken cancellation);
}
