using MedQA.Kernel.GraphQL;

namespace MedQA.Questions;

public sealed class QuestionConnectionType() : ConnectionType<QuestionType, QuestionEdgeType, Question>("Question");

public sealed class QuestionEdgeType() : EdgeType<QuestionType, Question>("Question");
