using GraphQL;

namespace MedQA.Kernel.GraphQL;

/// <summary>The stable <c>extensions.code</c> values clients can branch on.</summary>
public static class ErrorCodes
{
    public const string BadUserInput = "BAD_USER_INPUT";
    public const string InvalidId = "INVALID_ID";
    public const string InternalError = "INTERNAL_SERVER_ERROR";

    /// <summary>An error the caller caused and can fix: the message names the input at fault.</summary>
    public static ExecutionError UserInput(string message, string code = BadUserInput) =>
        new(message) { Code = code };
}
