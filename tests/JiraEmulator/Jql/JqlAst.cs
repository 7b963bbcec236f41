namespace JiraEmulator.Jql;

/// <summary>The parsed query: an optional WHERE tree and the ORDER BY list.</summary>
public sealed record JqlQuery(JqlNode? Where, IReadOnlyList<JqlSort> OrderBy);

public sealed record JqlSort(string Field, bool Descending, int Position);

public abstract record JqlNode;

public sealed record JqlAnd(JqlNode Left, JqlNode Right) : JqlNode;

public sealed record JqlOr(JqlNode Left, JqlNode Right) : JqlNode;

public sealed record JqlNot(JqlNode Inner) : JqlNode;

/// <summary>field operator operand, e.g. <c>status IN ("To Do", Done)</c>. Operator is upper case ("NOT IN", "IS NOT").</summary>
public sealed record JqlClause(string Field, string Operator, JqlOperand Operand, int Position) : JqlNode;

public abstract record JqlOperand;

/// <summary>A literal; Quoted tells "EMPTY" (the word) apart from EMPTY (the keyword).</summary>
public sealed record JqlValue(string Text, bool Quoted, int Position) : JqlOperand;

public sealed record JqlList(IReadOnlyList<JqlOperand> Items) : JqlOperand;

public sealed record JqlEmpty : JqlOperand;

public sealed record JqlFunction(string Name, IReadOnlyList<string> Arguments, int Position) : JqlOperand;
