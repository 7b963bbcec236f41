using System;
using JiraConnector.Errors;

namespace JiraConnector.Query
{
    /// <summary>A query that does not parse: where (0-based character index), what the parser
    /// expected there, and what it found instead.</summary>
    public sealed class OcnqlSyntaxException : FormatException, IJiraError
    {
        string IJiraError.ErrorId => ErrorIds.InvalidArgument.OcnqlSyntaxError;

        internal OcnqlSyntaxException(int position, string expected, string found)
            : base($"Syntax error at position {position}: expected {expected} but found {found}.")
        {
            Position = position;
            Expected = expected;
            Found = found;
        }

        public int Position { get; }

        public string Expected { get; }

        public string Found { get; }
    }

    /// <summary>A query that parses but cannot be run: an unknown field, a value of the wrong kind.</summary>
    public sealed class OcnqlTranslationException : ArgumentException, IJiraError
    {
        string IJiraError.ErrorId => ErrorIds.InvalidArgument.OcnqlInvalidQuery;

        internal OcnqlTranslationException(string message) : base(message) { }
    }
}
