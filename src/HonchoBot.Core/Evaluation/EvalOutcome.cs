using HonchoBot.Core.Answers;

namespace HonchoBot.Core.Evaluation;

/// <summary>One question's outcome.</summary>
public sealed record EvalOutcome(EvalQuestion Question, Answer Answer, int HitRank, bool Failed);
