using GraphQL;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;

namespace MedQA.Gateway.Partners;

/// <summary>Checks a document before it is registered: it parses, validates against the schema, and is one query.</summary>
internal static class DocumentCheck
{
    public static async Task EnsureValidAsync(ISchema schema, string file, string query)
    {
        GraphQLDocument document;
        try
        {
            document = Parser.Parse(query);
        }
        catch (GraphQLSyntaxErrorException e)
        {
            throw new PartnerException($"{file}:{e.Location.Line}: {e.Description}");
        }
        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        if (operations is not [{ Operation: OperationType.Query }])
        {
            throw new PartnerException($"{file}:1: a registered document holds exactly one query operation");
        }
        schema.Initialize();
        var result = await new DocumentValidator().ValidateAsync(new ValidationOptions
        {
            Schema = schema, Document = document, Operation = operations[0], Rules = DocumentValidator.CoreRules,
            Variables = Inputs.Empty, Extensions = Inputs.Empty, UserContext = new Dictionary<string, object?>(),
        });
        // Variable values come with each request; here only the document itself is checked.
        if (result.Errors.FirstOrDefault(e => e is not InvalidVariableError) is { } error)
        {
            throw new PartnerException($"{file}:{error.Locations?.FirstOrDefault().Line ?? 1}: {error.Message}");
        }
    }
}
