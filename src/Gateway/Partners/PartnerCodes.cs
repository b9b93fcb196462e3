using GraphQL;
using GraphQL.PersistedDocuments;

namespace MedQA.Gateway.Partners;

/// <summary>The codes of partner requests refused for their document.</summary>
public static class PartnerCodes
{
    public const string PersistedQueryRequired = "PERSISTED_QUERY_REQUIRED";
    public const string PersistedQueryNotFound = "PERSISTED_QUERY_NOT_FOUND";

    /// <summary>Gives GraphQL.NET's persisted-document errors our stable codes.</summary>
    public static void Normalize(ExecutionErrors? errors)
    {
        foreach (var error in errors ?? [])
        {
            if (error is DocumentNotFoundError or DocumentIdInvalidError or DocumentIdMissingError)
            {
                error.Code = PersistedQueryNotFound;
            }
        }
    }
}
